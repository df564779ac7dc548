package vn.dxgov.opendata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import org.springframework.stereotype.Component;
import vn.dxgov.opendata.Dataset;

/**
 * The DCAT-AP (3.0) description of the catalogue as a Jena model, so that IRIs, language tags, dates and escaping are
 * right in every serialisation (JSON-LD, Turtle). A dcat:Catalog with its title, description, publisher, languages
 * and licence; per public dataset a dcat:Dataset with identifier, titles and descriptions (vi, en), publisher (the
 * province's steering department as a foaf:Agent, or the installation for a national dataset), spatial coverage (the
 * province), temporal coverage, modification time, theme (EU data theme "Government and public sector") and keywords
 * (the pillars), landing page, contact point, and one dcat:Distribution per file format with its access and download
 * URLs, IANA media type, EU file type and licence.
 */
@Component
class DcatCatalog {

    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String EU = "http://publications.europa.eu/resource/authority/";

    private final OpenDataSettings settings;
    private final PublicUrls urls;
    private final Labels labels;

    DcatCatalog(OpenDataSettings settings, PublicUrls urls, Labels labels) {
        this.settings = settings;
        this.urls = urls;
        this.labels = labels;
    }

    Model model(List<Dataset> datasets, String base) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("foaf", FOAF);
        m.setNsPrefix("vcard", VCARD4.NS);
        m.setNsPrefix("xsd", XSDDatatype.XSD + "#");
        Resource licence = m.createResource(settings.licenceUrl(), DCTerms.LicenseDocument)
                .addProperty(DCTerms.title, settings.licenceName());
        Resource catalog = m.createResource(base + "/open/catalog", DCAT.Catalog)
                .addProperty(DCTerms.title, labels.vi("opendata.catalog.title"), "vi")
                .addProperty(DCTerms.title, labels.en("opendata.catalog.title"), "en")
                .addProperty(DCTerms.description, labels.vi("opendata.catalog.description"), "vi")
                .addProperty(DCTerms.description, labels.en("opendata.catalog.description"), "en")
                .addProperty(DCTerms.publisher, publisher(m, base, null, null))
                .addProperty(DCTerms.language, m.createResource(EU + "language/VIE"))
                .addProperty(DCTerms.language, m.createResource(EU + "language/ENG"))
                .addProperty(DCTerms.license, licence)
                .addProperty(m.createProperty(FOAF, "homepage"), m.createResource(base + "/open/data"));
        Instant latest = null;
        for (Dataset d : datasets) {
            catalog.addProperty(DCAT.dataset, dataset(m, d, base, licence));
            if (d.modified() != null && (latest == null || d.modified().isAfter(latest))) {
                latest = d.modified();
            }
        }
        if (latest != null) {
            catalog.addLiteral(DCTerms.modified, dateTime(m, latest));
        }
        return m;
    }

    private Resource dataset(Model m, Dataset d, String base, Resource licence) {
        String landing = urls.landingPage(base, d.id());
        // the dataset is not its landing page (a foaf:Document): an IRI of its own beside it
        Resource r = m.createResource(landing + "#dataset", DCAT.Dataset)
                .addProperty(DCTerms.identifier, d.id())
                .addProperty(DCTerms.title, d.titleVi(), "vi")
                .addProperty(DCTerms.title, d.titleEn(), "en")
                .addProperty(DCTerms.description, d.descriptionVi(), "vi")
                .addProperty(DCTerms.description, d.descriptionEn(), "en")
                .addProperty(DCTerms.publisher, publisher(m, base, d.provinceCode(), d.provinceName()))
                .addProperty(DCAT.theme, m.createResource(EU + "data-theme/GOVE"))
                .addProperty(DCTerms.accessRights, m.createResource(EU + "access-right/PUBLIC"))
                .addProperty(DCAT.landingPage, m.createResource(landing).addProperty(RDF.type,
                        m.createResource(FOAF + "Document")))
                .addProperty(DCAT.contactPoint, m.createResource()
                        .addProperty(RDF.type, VCARD4.Organization)
                        .addProperty(VCARD4.fn, publisherName(d.provinceName()))
                        .addProperty(VCARD4.hasURL, m.createResource(base + "/open")));
        for (String k : d.keywords()) {
            r.addProperty(DCAT.keyword, k, "vi");
        }
        if (d.modified() != null) {
            r.addLiteral(DCTerms.modified, dateTime(m, d.modified()));
        }
        if (d.provinceCode() != null) {
            r.addProperty(DCTerms.spatial, m.createResource(base + "/open/provinces/" + d.provinceCode(),
                    DCTerms.Location).addProperty(m.createProperty("http://www.w3.org/2004/02/skos/core#", "prefLabel"),
                    d.provinceName() == null ? d.provinceCode() : d.provinceName(), "vi"));
        }
        if (d.from() != null || d.to() != null) {
            Resource period = m.createResource(DCTerms.PeriodOfTime);
            if (d.from() != null) {
                period.addLiteral(DCAT.startDate, date(m, d.from()));
            }
            if (d.to() != null) {
                period.addLiteral(DCAT.endDate, date(m, d.to()));
            }
            r.addProperty(DCTerms.temporal, period);
        }
        for (FileFormat f : FileFormat.values()) {
            Resource dist = m.createResource(landing + "#" + f.extension(), DCAT.Distribution)
                    .addProperty(DCTerms.title, d.titleVi() + " (" + f.name() + ")", "vi")
                    .addProperty(DCAT.accessURL, m.createResource(landing))
                    .addProperty(DCAT.downloadURL, m.createResource(urls.download(base, d.id(), f)))
                    .addProperty(DCAT.mediaType, m.createResource(f.ianaUri()))
                    .addProperty(DCTerms.format, m.createResource(f.euFileType))
                    .addProperty(DCTerms.license, licence);
            if (d.modified() != null) {
                dist.addLiteral(DCTerms.modified, dateTime(m, d.modified()));
            }
            r.addProperty(DCAT.distribution, dist);
        }
        return r;
    }

    /** The province's steering department, or the installation for a national dataset, as a foaf:Agent. */
    private Resource publisher(Model m, String base, String provinceCode, String provinceName) {
        String iri = base + "/open/publishers/" + (provinceCode == null ? "national" : provinceCode);
        return m.createResource(iri, m.createResource(FOAF + "Agent"))
                .addProperty(m.createProperty(FOAF, "name"), publisherName(provinceName), "vi");
    }

    private String publisherName(String provinceName) {
        return provinceName == null ? labels.vi("opendata.publisher.national")
                : labels.vi("opendata.publisher.province", provinceName);
    }

    private static Literal dateTime(Model m, Instant at) {
        return m.createTypedLiteral(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                XSDDatatype.XSDdateTime);
    }

    private static Literal date(Model m, LocalDate day) {
        return m.createTypedLiteral(day.toString(), XSDDatatype.XSDdate);
    }

}
