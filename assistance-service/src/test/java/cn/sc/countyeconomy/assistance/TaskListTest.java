package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Task lists: overdue computed and filterable; If-Match on update and delete; no lost update in a race. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class TaskListTest {

    /** Every write here asks the registry whether the county is designated over the record's period. */
    @org.junit.jupiter.api.BeforeEach
    void designations() {
        DesignatedCounties.install();
    }

    private static final String COUNTY = "513330";
    /** Only the overdue test writes tasks here, so its counts are exact whatever the order of tests. */
    private static final String OVERDUE_COUNTY = "513331";

    @Inject
    AgroalDataSource dataSource;

    private static long task(String county, String title, String deadline) {
        return as("editor").body("{\"countyCode\":\"" + county + "\",\"title\":\"" + title + "\",\"responsibleUnit\":\"县农业农村局\","
                + "\"deadline\":\"" + deadline + "\"}")
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void overdueIsDeadlinePassedAndNotDoneAndCanBeFiltered() {
        LocalDate today = TestClock.today();
        long past = task(OVERDUE_COUNTY, "完成产业规划编制", today.minusDays(1).toString());
        long due = task(OVERDUE_COUNTY, "今日到期任务", today.toString());
        long future = task(OVERDUE_COUNTY, "建设冷链仓储", today.plusDays(30).toString());
        long pastDone = task(OVERDUE_COUNTY, "召开工作队会议", today.minusDays(10).toString());
        String etag = as("reader").get("/api/v1/tasks/" + pastDone).then().extract().header("ETag");
        as("editor").header("If-Match", etag).body("{\"title\":\"召开工作队会议\",\"responsibleUnit\":\"县农业农村局\",\"deadline\":\""
                + today.minusDays(10) + "\",\"status\":\"DONE\",\"completedOn\":\"" + today.minusDays(11)
                + "\",\"evidenceUrl\":\"https://example.gov.cn/minutes/1\"}")
                .put("/api/v1/tasks/" + pastDone).then().statusCode(200).body("overdue", equalTo(false)).body("status", equalTo("DONE"));

        as("reader").get("/api/v1/tasks/" + past).then().body("overdue", equalTo(true));
        as("reader").get("/api/v1/tasks/" + due).then().body("overdue", equalTo(false));
        as("reader").queryParam("countyCode", OVERDUE_COUNTY).queryParam("overdue", "true").get("/api/v1/tasks")
                .then().statusCode(200).body("items.id", contains((int) past)).body("items[0].overdue", equalTo(true));
        as("reader").queryParam("countyCode", OVERDUE_COUNTY).queryParam("overdue", "false").queryParam("sort", "id,asc").get("/api/v1/tasks")
                .then().statusCode(200).body("items.id", contains((int) due, (int) future, (int) pastDone));
        as("reader").queryParam("year", "2026").get("/api/v1/counties/" + OVERDUE_COUNTY + "/assistance")
                .then().statusCode(200).body("overdueTaskCount", equalTo(1)).body("overdueTasks[0].id", equalTo((int) past))
                .body("overdueTasks[0].title", equalTo("完成产业规划编制")).body("tasks", equalTo(4));
        as("reader").queryParam("overdue", "maybe").get("/api/v1/tasks").then().spec(Problems.problem(400, "invalid-parameter"));
    }

    @Test
    void doneNeedsACompletionDateAndOnlyDoneHasOne() {
        long id = task(COUNTY, "资料归档", "2025-01-01");
        String etag = as("reader").get("/api/v1/tasks/" + id).then().extract().header("ETag");
        as("editor").header("If-Match", etag).body("{\"title\":\"资料归档\",\"responsibleUnit\":\"县档案馆\",\"deadline\":\"2025-01-01\",\"status\":\"DONE\"}")
                .put("/api/v1/tasks/" + id).then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("completedOn"));
        as("editor").header("If-Match", etag).body("{\"title\":\"资料归档\",\"responsibleUnit\":\"县档案馆\",\"deadline\":\"2025-01-01\","
                + "\"status\":\"OPEN\",\"completedOn\":\"2024-12-01\"}")
                .put("/api/v1/tasks/" + id).then().statusCode(422).body("violations[0].field", equalTo("completedOn"));
        as("editor").header("If-Match", etag).body("{\"title\":\"资料归档\",\"responsibleUnit\":\"县档案馆\",\"deadline\":\"2025-01-01\","
                + "\"status\":\"OPEN\",\"evidenceUrl\":\"not a url\"}")
                .put("/api/v1/tasks/" + id).then().statusCode(422).body("violations[0].field", equalTo("evidenceUrl"));
    }

    @Test
    void twoClientsWithTheSameETagExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            long id = task(COUNTY, "并发更新" + round, "2030-01-01");
            String etag = as("reader").get("/api/v1/tasks/" + id).then().extract().header("ETag");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (String unit : List.of("甲单位", "乙单位")) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return as("editor").header("If-Match", etag)
                                .body("{\"title\":\"并发更新\",\"responsibleUnit\":\"" + unit + "\",\"deadline\":\"2030-01-01\",\"status\":\"IN_PROGRESS\"}")
                                .put("/api/v1/tasks/" + id).statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get());
                }
                statuses.sort(Integer::compareTo);
                assertEquals(List.of(200, 412), statuses);
                // the winner's write is what is stored, at version 1, with one audit record of the update
                as("reader").get("/api/v1/tasks/" + id).then().body("version", equalTo(1)).header("ETag", equalTo("\"1\""));
                assertEquals(1, AuditRecords.of(dataSource, "Task", id).stream().filter(r -> r.action().equals("UPDATE")).count());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void deleteNeedsIfMatchAndAnswers204() {
        long id = task(COUNTY, "待删除任务", "2030-01-01");
        as("editor").delete("/api/v1/tasks/" + id).then().spec(Problems.problem(428, "precondition-required"));
        as("editor").header("If-Match", "\"7\"").delete("/api/v1/tasks/" + id).then().spec(Problems.problem(412, "precondition-failed"));
        as("editor").header("If-Match", "\"0\"").delete("/api/v1/tasks/" + id).then().statusCode(204);
        as("reader").get("/api/v1/tasks/" + id).then().spec(Problems.problem(404, "not-found"));
        var audit = AuditRecords.of(dataSource, "Task", id);
        assertEquals(List.of("CREATE", "DELETE"), audit.stream().map(AuditRecords.Row::action).toList());
    }
}
