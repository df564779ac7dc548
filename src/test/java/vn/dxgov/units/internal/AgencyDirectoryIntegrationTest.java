package vn.dxgov.units.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;
import vn.dxgov.units.AgencyMatch;
import vn.dxgov.units.AgencyMatch.How;

/**
 * Resolving agency cells against the real database. Each test works in a province code of its own (a made-up one,
 * so that no other test's agencies interfere), and one made-up province is added to admin_unit for the tests that
 * need a province name; it is valid only in 2199 and removed afterwards.
 */
@SpringBootTest
@ActiveProfiles("test")
class AgencyDirectoryIntegrationTest {

    @Autowired
    AgencyDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    String province;

    @BeforeEach
    void freshProvince() {
        province = "Z" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeTestData() {
        jdbc.sql("delete from admin_unit where code = ?").param(province).update();
        jdbc.sql("delete from agency where province_code in (?, ?)").params(province, province + "b").update();
        jdbc.sql("delete from agency where province_code is null and name like ?").param("Bộ Thử nghiệm " + province).update();
    }

    private void provinceNamed(String name) {
        jdbc.sql("""
                        insert into admin_unit (code, name, name_folded, level, unit_type, valid_from, valid_to)
                        values (?, ?, ?, 'PROVINCE', 'Tỉnh', date '2199-01-01', date '2199-12-31')""")
                .params(province, "Tỉnh " + name, vn.dxgov.shared.VietText.fold("Tỉnh " + name)).update();
    }

    @Test
    void findByNameMatchesNamesAndAliasesOfTheProvinceAndNeverCreates() {
        Agency agency = directory.resolve("Sở Thông tin và Truyền thông", province).get(0).agency();
        directory.update(agency.id(), agency.name(), agency.kind(), List.of("H38.01"));
        int before = jdbc.sql("select count(*) from agency").query(Integer.class).single();

        assertThat(directory.findByName("sở thông tin và truyền thông", province)).map(Agency::id).contains(agency.id());
        assertThat(directory.findByName("Sở TT&TT", province)).map(Agency::id).contains(agency.id());
        assertThat(directory.findByName("h38.01", province)).map(Agency::id).contains(agency.id());
        assertThat(directory.findByName("Sở Thông tin và Truyền thông", province + "b")).isEmpty();
        assertThat(directory.findByName("Sở Thông tin và Truyền thông", null)).isEmpty();
        assertThat(directory.findByName("Sở Tài chính", province)).isEmpty();
        assertThat(directory.findByName("  ", province)).isEmpty();
        assertThat(jdbc.sql("select count(*) from agency").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aCellResolvesToStandardAgencies() {
        List<AgencyMatch> matches = directory.resolve("Công an tỉnh; Trung tâm Phục vụ HCC tỉnh; UBND các huyện, thị xã, thành phố", province);
        assertThat(matches).extracting(AgencyMatch::sourceText)
                .containsExactly("Công an tỉnh", "Trung tâm Phục vụ HCC tỉnh", "UBND các huyện, thị xã, thành phố");
        assertThat(matches).extracting(m -> m.agency().name())
                .containsExactly("Công an tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "UBND các huyện, thị xã, thành phố");
        assertThat(matches).extracting(AgencyMatch::how).containsOnly(How.STANDARD);
        assertThat(matches).extracting(m -> m.agency().kind())
                .containsExactly(AgencyKind.SECURITY, AgencyKind.DEPARTMENT, AgencyKind.COLLECTIVE);
        assertThat(matches).allSatisfy(m -> {
            assertThat(m.agency().needsReview()).isFalse();
            assertThat(m.agency().provinceCode()).isEqualTo(province);
        });
        // the as-written spelling is kept as an alias
        assertThat(matches.get(1).agency().aliases()).contains("Trung tâm Phục vụ HCC tỉnh");
    }

    @Test
    void unknownNamesAreCreatedForReview() {
        List<AgencyMatch> matches = directory.resolve("VCCI Thanh Hóa; các Sở, ban, ngành", province);
        assertThat(matches).extracting(AgencyMatch::how).containsExactly(How.CREATED, How.STANDARD);
        Agency vcci = matches.get(0).agency();
        assertThat(vcci.name()).isEqualTo("VCCI Thanh Hóa");
        assertThat(vcci.needsReview()).isTrue();
        assertThat(vcci.kind()).isEqualTo(AgencyKind.BUSINESS);
        assertThat(matches.get(1).agency().name()).isEqualTo("Các sở, ban, ngành");

        Agency bql = directory.resolve("Ban QL dự án ĐTXD tỉnh (chủ trì)", province).get(0).agency();
        assertThat(bql.needsReview()).isTrue();
        assertThat(directory.list(province, null)).filteredOn(Agency::needsReview).hasSize(2);
    }

    @Test
    void resolvingTwiceChangesNothing() {
        String cell = "Các Sở, ban, ngành; UBND cấp huyện; cấp xã; hệ thống trường học các cấp.";
        List<AgencyMatch> first = directory.resolve(cell, province);
        int agencies = countAgencies();
        int aliases = countAliases();
        List<AgencyMatch> second = directory.resolve(cell, province);
        assertThat(second).extracting(m -> m.agency().id()).containsExactlyElementsOf(first.stream().map(m -> m.agency().id()).toList());
        assertThat(first).extracting(AgencyMatch::how).containsExactly(How.STANDARD, How.STANDARD, How.STANDARD, How.CREATED);
        // "Các Sở, ban, ngành" is the catalogue's "Các sở, ban, ngành" but for case: NAME
        assertThat(second).extracting(AgencyMatch::how).containsOnly(How.NAME);
        assertThat(countAgencies()).isEqualTo(agencies).isEqualTo(4);
        assertThat(countAliases()).isEqualTo(aliases);
    }

    @Test
    void aliasesAndAbbreviationsFindTheSameAgency() {
        AgencyMatch first = directory.resolve("Sở TT&TT", province).get(0);
        assertThat(first.how()).isEqualTo(How.STANDARD);
        assertThat(first.agency().name()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(first.agency().aliases()).contains("Sở TT&TT", "STTTT");
        for (String variant : List.of("Sở Thông tin và Truyền thông", "STTTT", "Sở TTTT", "sở thông tin và truyền thông", "Sở TT-TT")) {
            AgencyMatch again = directory.resolve(variant, province).get(0);
            assertThat(again.agency().id()).as(variant).isEqualTo(first.agency().id());
        }
        assertThat(directory.resolve("Sở Thông tin và Truyền thông", province).get(0).how()).isEqualTo(How.NAME);
        assertThat(directory.resolve("STTTT", province).get(0).how()).isEqualTo(How.ALIAS);
        // the merged department of 2025 is another agency
        assertThat(directory.resolve("Sở KH&CN", province).get(0).agency().id()).isNotEqualTo(first.agency().id());
        // one agency named twice in a cell comes once
        assertThat(directory.resolve("Sở TT&TT; Sở Thông tin và Truyền thông", province)).hasSize(1);
    }

    @Test
    void theProvinceMayTrailAName() {
        provinceNamed("Thử Nghiệm");
        Agency bank = directory.resolve("Ngân hàng nhà nước Thử Nghiệm", province).get(0).agency();
        assertThat(bank.name()).isEqualTo("Ngân hàng Nhà nước chi nhánh tỉnh");
        assertThat(bank.aliases()).contains("Ngân hàng nhà nước Thử Nghiệm");
        assertThat(directory.resolve("Ngân hàng Nhà nước chi nhánh tỉnh Thử Nghiệm", province).get(0).agency().id()).isEqualTo(bank.id());
        assertThat(directory.resolve("NHNN tỉnh", province).get(0).agency().id()).isEqualTo(bank.id());

        Agency vcci = directory.resolve("VCCI Thử Nghiệm", province).get(0).agency();
        assertThat(directory.resolve("VCCI", province).get(0).agency().id()).isEqualTo(vcci.id());
        // the city of the same name is not the province
        Agency city = directory.resolve("UBND thành phố Thử Nghiệm", province).get(0).agency();
        assertThat(city.name()).isEqualTo("UBND thành phố Thử Nghiệm");
        assertThat(directory.resolve("UBND tỉnh Thử Nghiệm", province).get(0).agency().id()).isNotEqualTo(city.id());
    }

    @Test
    void agenciesArePerProvince() {
        String other = province + "b";
        long here = directory.resolve("Sở Y tế", province).get(0).agency().id();
        long there = directory.resolve("Sở Y tế", other).get(0).agency().id();
        assertThat(here).isNotEqualTo(there);
        assertThat(directory.list(other, null)).extracting(Agency::id).containsExactly(there);
        String ministry = "Bộ Thử nghiệm " + province;
        long national = directory.resolve(ministry, null).get(0).agency().id();
        assertThat(directory.find(national).orElseThrow().provinceCode()).isNull();
        assertThat(directory.resolve(ministry, " ").get(0).agency().id()).isEqualTo(national);
        assertThat(directory.list(null, ministry)).extracting(Agency::id).containsExactly(national);
    }

    @Test
    void listIsSortedAndSearchable() {
        directory.resolve("Sở Y tế; Đài Phát thanh - Truyền hình tỉnh; Sở Tài chính; Ban dân tộc; Sở TT&TT; Công an tỉnh", province);
        List<Agency> all = directory.list(province, null);
        assertThat(all).extracting(Agency::name).containsExactly("Ban Dân tộc", "Công an tỉnh",
                "Đài Phát thanh và Truyền hình tỉnh", "Sở Tài chính", "Sở Thông tin và Truyền thông", "Sở Y tế");
        assertThat(directory.list(province, "so y te")).extracting(Agency::name).containsExactly("Sở Y tế");
        assertThat(directory.list(province, "dai phat thanh")).hasSize(1);
        // through an alias, and through an abbreviation
        assertThat(directory.list(province, "STTTT")).extracting(Agency::name).containsExactly("Sở Thông tin và Truyền thông");
        assertThat(directory.list(province, "Sở TT&TT")).extracting(Agency::name).containsExactly("Sở Thông tin và Truyền thông");
        assertThat(directory.list(province, "tai chinh")).extracting(Agency::name).containsExactly("Sở Tài chính");
        assertThat(directory.list(province, "khong co")).isEmpty();
        assertThat(directory.findAll(all.stream().map(Agency::id).toList())).hasSize(6);
    }

    @Test
    void updateRenamesMarksReviewedAndIsAudited() {
        Agency created = directory.resolve("Trung tâm CĐS tỉnh", province).get(0).agency();
        assertThat(created.needsReview()).isTrue();
        assertThat(created.name()).isEqualTo("Trung tâm chuyển đổi số tỉnh");
        Agency updated = directory.update(created.id(), "Trung tâm Chuyển đổi số tỉnh", AgencyKind.PUBLIC_SERVICE_UNIT,
                List.of("Trung tâm CĐS", "IOC tỉnh", "Trung tâm CĐS"));
        assertThat(updated.needsReview()).isFalse();
        assertThat(updated.kind()).isEqualTo(AgencyKind.PUBLIC_SERVICE_UNIT);
        assertThat(updated.aliases()).containsExactly("IOC tỉnh", "Trung tâm CĐS");
        assertThat(directory.resolve("IOC tỉnh", province).get(0)).satisfies(m -> {
            assertThat(m.agency().id()).isEqualTo(created.id());
            assertThat(m.how()).isEqualTo(How.ALIAS);
        });
        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                        where action = 'agency.update' and entity_type = 'agency' and entity_id = ?
                          and before ->> 'needsReview' = 'true' and after ->> 'name' = 'Trung tâm Chuyển đổi số tỉnh'""")
                .param(String.valueOf(created.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aReviewersAliasWithAbbreviationsMatchesTheWrittenOutName() {
        Agency finance = directory.resolve("Sở Tài chính", province).get(0).agency();
        directory.update(finance.id(), finance.name(), finance.kind(), List.of("Sở KHĐT"));
        assertThat(directory.resolve("Sở Kế hoạch và Đầu tư", province).get(0).agency().id()).isEqualTo(finance.id());
    }

    @Test
    void updateRejectsBadInput() {
        Agency a = directory.resolve("Sở Y tế", province).get(0).agency();
        Agency b = directory.resolve("Sở Tư pháp", province).get(0).agency();
        assertThatThrownBy(() -> directory.update(b.id(), "SỞ Y TẾ", AgencyKind.DEPARTMENT, List.of()))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> directory.update(a.id(), " ", AgencyKind.DEPARTMENT, List.of())).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> directory.update(-1, "X", AgencyKind.DEPARTMENT, List.of())).isInstanceOf(ApiException.class);
        assertThat(directory.find(b.id()).orElseThrow().name()).isEqualTo("Sở Tư pháp");
    }

    @Test
    void concurrentResolvesOfANewNameShareOneAgency() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            long id = directory.resolve("Tổ công nghệ số cộng đồng tỉnh", province).get(0).agency().id();
            inserted.countDown();
            await(release);
            return id;
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        // the second insert waits for the first transaction, then reads its row
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            return directory.resolve("Tổ công nghệ số cộng đồng tỉnh", province).get(0).agency().id();
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        // the first transaction ends only once PostgreSQL shows the second insert waiting for it, so the test
        // always exercises the race it is about (a fixed sleep did not know whether the insert had started)
        assertThat(anInsertWaitsForALock()).as("the second insert waits for the first transaction").isTrue();
        release.countDown();
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(first.get(30, TimeUnit.SECONDS));
        assertThat(countAgencies()).isEqualTo(1);
    }

    @Test
    void blankCellsResolveToNothing() {
        assertThat(directory.resolve("", province)).isEmpty();
        assertThat(directory.resolve(null, province)).isEmpty();
        assertThat(directory.resolve(" ;\n ", province)).isEmpty();
    }

    /** Whether, within 30 s, a session of this database inserting an agency waits for a lock. */
    private boolean anInsertWaitsForALock() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            int waiting = jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'
                      and query like '%insert into agency (%'""").query(Integer.class).single();
            if (waiting > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int countAgencies() {
        return jdbc.sql("select count(*) from agency where province_code = ?").param(province).query(Integer.class).single();
    }

    private int countAliases() {
        return jdbc.sql("select count(*) from agency_alias l join agency a on a.id = l.agency_id where a.province_code = ?")
                .param(province).query(Integer.class).single();
    }

}
