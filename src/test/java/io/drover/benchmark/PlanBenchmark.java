package io.drover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.cli.DroverMain;
import io.drover.fleet.FleetReadMemo;
import io.drover.fleet.FleetReader;
import io.drover.fleet.FleetSource;
import io.drover.model.FileChange;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.planning.Plan;
import io.drover.planning.Planner;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.Policy;
import io.drover.policy.PolicyCatalog;
import io.drover.testing.ExampleFleet;
import io.drover.yaml.YamlFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code drover plan FLEET --skip-builds --output json} costs on generated fleets of
 * {@code -Ddrover.benchmark.sizes} clusters (default 10,100,1000,5000), against the parse floor of
 * the same repository measured in the same run: reading every file from disk and parsing every YAML
 * file once, which no plan can beat. The plan runs in-process through the command line, its output
 * counted, not kept. Wall time and the CPU time of the planning thread are both shown: on a shared
 * machine the CPU time says more about the planner, and the ratio to the floor is given for both.
 * A size that has not finished after {@code -Ddrover.benchmark.budgetMinutes} (default 10) is
 * reported as such, and so is a plan that runs out of heap; larger sizes are then skipped. Peak heap
 * is the sum of the heap pools' peaks while the plan ran. Prints figures; asserts only that each
 * plan that finished succeeded.
 */
class PlanBenchmark {

    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("drover.benchmark.sizes",
            "10,100,1000,5000").split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final long BUDGET_MINUTES = Long.getLong("drover.benchmark.budgetMinutes", 10);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern TOTAL_STEPS = Pattern.compile("\"totalSteps\" : (\\d+)");
    /** Enough for the list of selected clusters before "totalSteps" at 5,000 clusters and more. */
    private static final int HEAD = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    void planAgainstTheParseFloor() throws Exception {
        System.out.printf("plan benchmark: %s, %d cores, max heap %d MB, %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                BenchmarkFleet.policyDescription());
        // Warm-up, not reported: the JIT compiles the reader and planner on a small fleet first.
        plan(write(BenchmarkFleet.of(10), "warm-up"));
        System.out.println("  clusters | files | parse floor wall / cpu | plan wall / cpu | ratio wall / cpu | steps"
                + " | cpu per step | output | peak heap");
        for (int size : SIZES) {
            Path fleet = write(BenchmarkFleet.of(size), "fleet-" + size);
            long[] floor = parseFloor(fleet);
            resetPeaks();
            long start = System.nanoTime();
            CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> plan(fleet));
            Result result;
            try {
                result = running.get(BUDGET_MINUTES, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                System.out.printf("  %8d | %5s | %.2f s / %.2f s | not finished after %d minutes | | | | | | %4d MB"
                        + " (larger sizes skipped)%n", size, "", floor[0] / 1e9, floor[1] / 1e9, BUDGET_MINUTES, peakHeap() >> 20);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof OutOfMemoryError)) {
                    throw e;
                }
                // A row of the table, not an error: how far the heap goes is what the benchmark is for.
                System.gc();
                System.out.printf("  %8d | %5s | %.2f s / %.2f s | out of heap at -Xmx%dm after %.1f s | | | | | | %4d MB"
                        + " (larger sizes skipped)%n", size, "", floor[0] / 1e9, floor[1] / 1e9,
                        Runtime.getRuntime().maxMemory() >> 20, (System.nanoTime() - start) / 1e9, peakHeap() >> 20);
                return;
            }
            long wall = System.nanoTime() - start;
            System.out.printf("  %8d | %5d | %.2f s / %.2f s | %.2f s / %.2f s | %.1fx / %.1fx | %5d | %5.2f ms | %6.1f MB | %4d MB%n",
                    size, result.files(), floor[0] / 1e9, floor[1] / 1e9, wall / 1e9, result.cpuNanos() / 1e9,
                    (double) wall / floor[0], (double) result.cpuNanos() / floor[1], result.steps(),
                    result.cpuNanos() / 1e6 / Math.max(1, result.steps()), result.outputChars() / 1e6, peakHeap() >> 20);
        }
    }

    /**
     * The planner's read-back of a step's state on its own, on every size whether or not the whole
     * plan fits the budget: states that each differ from the last in one cluster's definition and in
     * the traffic file (as a traffic step does), read through the memo of the previous read, against
     * one read from scratch; and what parsing the traffic file alone takes, the part of a read-back
     * that grows with the fleet since one file holds every cluster's record.
     */
    @Test
    void readBackOfAStepAgainstAReadFromScratch() throws Exception {
        System.out.println("read-back benchmark: CPU time per state read, states differing from the last in 2 files");
        System.out.println("  clusters | through the memo | from scratch | parsing the traffic file alone");
        for (int size : SIZES) {
            FleetFiles files = BenchmarkFleet.of(size);
            List<String> clusters = FleetReader.read(files).clusters().keySet().stream().toList();
            FleetReadMemo memo = new FleetReadMemo();
            FleetReader.read(files, memo);
            int states = Math.min(READ_BACKS, clusters.size() - 1);
            long memoCpu = 0;
            long parseCpu = 0;
            for (int i = 0; i < states; i++) {
                files = files.apply(zeroWeight(files, clusters.get(i)));
                long cpu = THREADS.getCurrentThreadCpuTime();
                FleetReader.read(files, memo);
                memoCpu += THREADS.getCurrentThreadCpuTime() - cpu;
                // Another content than any read so far, so that no recent parse is reused.
                String traffic = files.read(TRAFFIC).orElseThrow() + "# " + i + "\n";
                cpu = THREADS.getCurrentThreadCpuTime();
                YamlFile.parse(TRAFFIC, traffic);
                parseCpu += THREADS.getCurrentThreadCpuTime() - cpu;
            }
            long cpu = THREADS.getCurrentThreadCpuTime();
            FleetReader.read(files.apply(zeroWeight(files, clusters.get(states))));
            long scratchCpu = THREADS.getCurrentThreadCpuTime() - cpu;
            System.out.printf("  %8d | %13.2f ms | %9.2f ms | %.2f ms%n", size, memoCpu / 1e6 / states, scratchCpu / 1e6,
                    parseCpu / 1e6 / states);
        }
    }

    /**
     * The time per step on every size, whether or not the whole plan fits the budget: the first
     * {@code -Ddrover.benchmark.firstSteps} steps (default 400) planned in-process from the fleet's
     * read, after as many steps planned to warm up, so that a 5,000-cluster fleet (40,000 steps)
     * says what a step costs without planning for an hour. Blue/green plans its first steps the
     * way it plans the rest (add a cluster, move its apps, shift, drain), so these steps are a
     * fair sample of the kinds, each editing the traffic file that holds every cluster's record.
     */
    @Test
    void timePerStepOnTheFirstStepsOfEverySize() throws Exception {
        int steps = Integer.getInteger("drover.benchmark.firstSteps", 400);
        System.out.printf("time per step: the first %d steps of each plan, CPU time of the planning thread, %s%n", steps,
                BenchmarkFleet.policyDescription());
        System.out.println("  clusters | steps planned | cpu per step | peak heap");
        for (int size : SIZES) {
            FleetFiles files = BenchmarkFleet.of(size);
            FleetReadMemo memo = new FleetReadMemo();
            Fleet fleet = FleetReader.read(files, memo);
            Rollout rollout = fleet.rollouts().values().iterator().next();
            Policy policy = PolicyCatalog.find(files, rollout.policyName()).orElseThrow();
            TemplateSet templates = TemplateSet.forFleet(files);
            Planner.firstSteps(fleet, rollout, policy, templates, memo, Math.min(steps, 40));
            resetPeaks();
            long cpu = THREADS.getCurrentThreadCpuTime();
            Plan plan = Planner.firstSteps(fleet, rollout, policy, templates, memo, steps);
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            System.out.printf("  %8d | %13d | %9.2f ms | %4d MB%n", size, plan.steps().size(),
                    cpu / 1e6 / Math.max(1, plan.steps().size()), peakHeap() >> 20);
        }
    }

    private static final int READ_BACKS = 50;
    private static final String TRAFFIC = "traffic/" + BenchmarkFleet.APPS.get(0) + ".yaml";

    /** The cluster's record and its full share set to weight 0: a change in two files, as a drain makes. */
    private static List<FileChange> zeroWeight(FleetFiles files, String cluster) {
        String definition = "clusters/" + cluster + "/cluster.yaml";
        String traffic = files.read(TRAFFIC).orElseThrow();
        int record = traffic.indexOf("value: \"100\"", traffic.indexOf("setIdentifier: " + cluster + "\n"));
        String before = files.read(definition).orElseThrow();
        return List.of(
                FileChange.modify(TRAFFIC, traffic, traffic.substring(0, record) + "value: \"0\""
                        + traffic.substring(record + "value: \"100\"".length())),
                FileChange.modify(definition, before, before.replace("traffic-weight: \"100\"", "traffic-weight: \"0\"")));
    }

    private Path write(FleetFiles files, String name) throws Exception {
        Path dir = tmp.resolve(name);
        ExampleFleet.write(files, dir);
        return dir;
    }

    /**
     * Read every file of the repository from disk and parse every YAML file once: what no plan can
     * beat. Wall and CPU time, in nanoseconds.
     */
    private static long[] parseFloor(Path fleet) throws Exception {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        FleetFiles files = FleetSource.directory(fleet);
        for (String path : files.paths()) {
            if (path.endsWith(".yaml")) {
                YamlFile.parse(path, files.read(path).orElseThrow());
            }
        }
        return new long[] {System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpu};
    }

    record Result(int files, int steps, long outputChars, long cpuNanos) {
    }

    private static Result plan(Path fleet) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        CountingWriter out = new CountingWriter();
        StringWriter err = new StringWriter();
        int exit = DroverMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("plan", fleet.toString(), "--skip-builds", "--output", "json");
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        assertThat(exit).as(err.toString()).isZero();
        Matcher steps = TOTAL_STEPS.matcher(out.head);
        assertThat(steps.find()).as(out.head.toString()).isTrue();
        int files;
        try {
            files = FleetSource.directory(fleet).paths().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Result(files, Integer.parseInt(steps.group(1)), out.count, cpu);
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Counts what the plan prints, keeping only its head, where the JSON says how many steps there are. */
    private static final class CountingWriter extends Writer {

        private final StringBuilder head = new StringBuilder();
        private long count;

        @Override
        public void write(char[] buffer, int offset, int length) {
            count += length;
            if (head.length() < HEAD) {
                head.append(buffer, offset, Math.min(length, HEAD - head.length()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
