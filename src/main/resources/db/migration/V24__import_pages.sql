-- Progress of a paged document (PDF) while its import runs: pages read so far, pages in all, and whether a page
-- had to be read by OCR (a scanned document, much slower), so that the import page can show "Đang đọc trang 3/12".
alter table plan_import add column pages_done integer;
alter table plan_import add column pages_total integer;
alter table plan_import add column pages_ocr boolean not null default false;
