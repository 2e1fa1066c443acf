package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.demo.Pacer;
import io.drover.testing.MutableClock;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code drover demo} end to end on the bundled example, on a clock the test moves instead of
 * sleeping: the real reconciler, the local forge's repository and JSON, the real Argo CD gate on
 * the stand-in. Checks what the demo shows against what it left on disk.
 */
class DemoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP_LINE = Pattern.compile("(?m)^step +(\\d+)/32  #(\\d+) ");
    private static final Pattern DONE_LINE = Pattern.compile("(?m)^ +#(\\d+) (.*?) +\\d\\d:\\d\\d$");

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T23:30:00Z"));
    private final Pacer pacer = when -> {
        if (when.isAfter(clock.instant())) {
            clock.set(when);
        }
    };

    @Test
    void aWholeRolloutIsProposedMergedGatedAndSoakedStepByStep() throws Exception {
        Path dir = tmp.resolve("demo");
        Run run = demo("--dir", dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        // A Saturday night: the demo policy allows any time, and says so.
        assertThat(run.out()).contains("change windows ignored", "policies/demo.yaml", "soak times divided by 300");
        List<String[]> steps = steps(run.out());
        assertThat(steps).hasSize(32);
        for (int i = 0; i < 32; i++) {
            assertThat(steps.get(i)[0]).isEqualTo(String.valueOf(i + 1));
            // #1 is the pull request that started the rollout; step k is #k+1.
            assertThat(steps.get(i)[1]).isEqualTo(String.valueOf(i + 2));
            assertThat(steps.get(i)[2]).startsWith("merged by dana · gate passed after ").contains(" soaked ");
        }
        assertThat(run.out()).contains("prod-euw-03 (ingress-nginx, recommendations, shop) Synced and Healthy",
                "prod-euw-01 (cluster, ingress-nginx, recommendations, shop) gone");
        assertThat(run.out()).contains("@dana on #3: /drover pause", "@dana on #3: /drover resume");
        assertThat(run.out()).contains("Done: rollout production-1-31 complete");

        // The trail in Git: a merge commit per step by the reviewer, titled as GitHub titles it.
        try (Git git = Git.open(dir.resolve("fleet").toFile())) {
            List<RevCommit> merges = new ArrayList<>();
            git.log().call().forEach(c -> {
                if (c.getParentCount() == 2) {
                    merges.add(c);
                }
            });
            assertThat(merges).hasSize(33).allSatisfy(m -> {
                assertThat(m.getAuthorIdent().getName()).isEqualTo("Dana Reviewer");
                assertThat(m.getFullMessage()).startsWith("Merge pull request #");
            });
            assertThat(merges.get(0).getFullMessage()).contains("from demo/drover/production-1-31/retire-prod-use-02",
                    "[drover production-1-31 32/32] Retire prod-use-02");
            assertThat(git.notesList().setNotesRef("refs/notes/drover").call()).hasSize(32);
        }
        // The forge's side: each step's merge carries the gate's status, PR #3 the reviewer's commands.
        for (int number = 2; number <= 33; number++) {
            JsonNode pull = JSON.readTree(dir.resolve("forge/pulls/" + number + ".json").toFile());
            assertThat(pull.get("state").asText()).isEqualTo("MERGED");
            assertThat(pull.get("mergedBy").asText()).isEqualTo("dana");
            JsonNode statuses = JSON.readTree(dir.resolve("forge/statuses/" + pull.get("mergeSha").asText() + ".json").toFile());
            assertThat(statuses.at("/byContext/drover~1gate/state").asText()).as("gate status of #" + number).isEqualTo("SUCCESS");
        }
        assertThat(Files.readString(dir.resolve("forge/pulls/3.json"))).contains("/drover pause", "/drover resume");
        // The audit report of the result lists every step with its pull request and gate.
        String audit = run.out().substring(run.out().indexOf("$ drover audit"));
        assertThat(audit).contains("Rollout production-1-31: 32 steps merged");
        for (int step = 1; step <= 32; step++) {
            assertThat(audit).contains("Step " + step + "/32 ", "PR #" + (step + 1) + " ");
        }
        assertThat(count(audit, "gate passed at")).isEqualTo(32);
        assertThat(run.out()).contains("git -C " + dir.resolve("fleet").toAbsolutePath() + " log --graph --notes=drover");
    }

    @Test
    void anInjectedFailureFailsTheGatePausesAndOpensTheRollback() throws Exception {
        Path dir = tmp.resolve("failing");
        Run run = demo("--dir", dir.toString(), "--inject-failure");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("--inject-failure: Argo CD will report prod-euw-03-ingress-nginx Degraded");
        assertThat(run.out()).containsPattern("paused: gate of shift-prod-euw-03-10 failed: .*prod-euw-03-ingress-nginx");
        assertThat(run.out()).contains("Drover opened #5 ", "rollback #5 waits for review");
        assertThat(steps(run.out())).hasSize(3);
        assertThat(steps(run.out()).get(2)[2]).isEqualTo("merged by dana · gate has not passed");

        JsonNode rollback = JSON.readTree(dir.resolve("forge/pulls/5.json").toFile());
        assertThat(rollback.get("head").asText()).isEqualTo("drover/production-1-31/rollback/shift-prod-euw-03-10");
        assertThat(rollback.get("state").asText()).isEqualTo("OPEN");
        assertThat(rollback.get("labels")).extracting(JsonNode::asText).containsExactly("drover", "drover/rollback");
        JsonNode step = JSON.readTree(dir.resolve("forge/pulls/4.json").toFile());
        assertThat(step.get("comments")).anySatisfy(c -> assertThat(c.get("body").asText())
                .contains("**paused**", "prod-euw-03-ingress-nginx", "Degraded"));
        JsonNode statuses = JSON.readTree(dir.resolve("forge/statuses/" + step.get("mergeSha").asText() + ".json").toFile());
        assertThat(statuses.at("/byContext/drover~1gate/state").asText()).isEqualTo("FAILURE");
        String audit = run.out().substring(run.out().indexOf("$ drover audit"));
        assertThat(audit).contains("Rollout production-1-31: 3 steps merged", "gate failed", "rollback", "#5");
    }

    @Test
    void withAStatusPortTheStatusPageShowsTheRolloutWhileTheDemoRuns() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> pages = new ArrayList<>();
        List<String> json = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        Pattern address = Pattern.compile("Status page: (http://127\\.0\\.0\\.1:\\d+/) ");
        // The reviewer's and the soaks' waits: each a moment to look at the page, as a person would during the demo.
        Pacer looking = when -> {
            Matcher url = address.matcher(out.toString());
            if (pages.isEmpty() && url.find() && out.toString().contains("gate passed after")) {
                try {
                    pages.add(get(http, URI.create(url.group(1))));
                    json.add(get(http, URI.create(url.group(1)).resolve("api/rollouts")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            pacer.waitUntil(when);
        };
        CommandLine cli = new CommandLine(new DemoCommand(clock, looking, Optional.of(false)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--dir", tmp.resolve("demo").toString(), "--inject-failure", "--status-port", "0");

        assertThat(exit).as(out + err.toString()).isZero();
        assertThat(pages).as("the page was read during the demo").hasSize(1);
        assertThat(pages.get(0)).contains("<h2>production-1-31 <small>to", "<td class=\"state\">done</td>",
                "<td class=\"state\">planned</td>");
        assertThat(pages.get(0).split("<tr class=\"step\">", -1)).hasSize(33);
        JsonNode rollouts = JSON.readTree(json.get(0)).get("rollouts");
        assertThat(rollouts).hasSize(1);
        assertThat(rollouts.get(0).get("steps")).hasSize(32);
        // The server stops with the demo.
        Matcher url = address.matcher(out.toString());
        assertThat(url.find()).isTrue();
        assertThatThrownBy(() -> get(http, URI.create(url.group(1)))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aStatusPortThatIsTakenIsBadUsage() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = demo("--dir", tmp.resolve("demo").toString(), "--status-port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--status-port " + taken.getLocalPort() + ": cannot serve the status page there");
        }
    }

    private static String get(HttpClient http, URI uri) throws java.io.IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aSpeedBelowOneIsBadUsage() throws Exception {
        Run run = demo("--dir", tmp.resolve("slow").toString(), "--speed", "0.5");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--speed 0.5", "at least 1");
        assertThat(tmp.resolve("slow")).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotEmptyIsRefused() throws Exception {
        Files.writeString(tmp.resolve("something"), "mine");

        Run run = demo("--dir", tmp.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--dir " + tmp + " is not empty");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).containsExactly(tmp.resolve("something"));
        }
    }

    @Test
    void theBundledExampleIsFoundInDroversDirectoryNotTheWorkingOne() throws Exception {
        // The drover script passes its own directory as drover.home, so that the demo runs from any directory.
        Path home = tmp.resolve("drover-home");
        String before = System.getProperty("drover.home");
        System.setProperty("drover.home", home.toString());
        try {
            Run run = demo("--dir", tmp.resolve("demo").toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains(home.resolve("fleet-repo-example") + " is no directory");
        } finally {
            if (before == null) {
                System.clearProperty("drover.home");
            } else {
                System.setProperty("drover.home", before);
            }
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run demo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DemoCommand(clock, pacer, Optional.of(false)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Each step's lines: its number, its pull request's number, and what became of it (the line when it was done). */
    private static List<String[]> steps(String out) {
        java.util.Map<String, String> done = new java.util.HashMap<>();
        Matcher d = DONE_LINE.matcher(out);
        while (d.find()) {
            done.put(d.group(1), d.group(2));
        }
        List<String[]> steps = new ArrayList<>();
        Matcher m = STEP_LINE.matcher(out);
        while (m.find()) {
            steps.add(new String[] {m.group(1), m.group(2), done.getOrDefault(m.group(2), "(no line)")});
        }
        return steps;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
