package io.drover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.cli.DroverMain;
import io.drover.fleet.FleetSource;
import io.drover.model.FleetFiles;
import io.drover.testing.ExampleFleet;
import io.drover.yaml.YamlFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * counted, not kept. A size that has not finished after {@code -Ddrover.benchmark.budgetMinutes}
 * (default 20) is reported as such, and larger sizes are skipped. Prints figures; asserts only that
 * each plan succeeded.
 */
class PlanBenchmark {

    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("drover.benchmark.sizes",
            "10,100,1000,5000").split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final long BUDGET_MINUTES = Long.getLong("drover.benchmark.budgetMinutes", 20);
    private static final Pattern TOTAL_STEPS = Pattern.compile("\"totalSteps\" : (\\d+)");

    @TempDir
    Path tmp;

    @Test
    void planAgainstTheParseFloor() throws Exception {
        System.out.printf("plan benchmark: %s, %d cores, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        // Warm-up, not reported: the JIT compiles the reader and planner on a small fleet first.
        plan(write(BenchmarkFleet.of(10), "warm-up"));
        System.out.println("  clusters | files | parse floor | plan wall | ratio | steps | per step | output | peak heap");
        for (int size : SIZES) {
            Path fleet = write(BenchmarkFleet.of(size), "fleet-" + size);
            long floor = parseFloor(fleet);
            resetPeaks();
            long start = System.nanoTime();
            CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> plan(fleet));
            Result result;
            try {
                result = running.get(BUDGET_MINUTES, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                System.out.printf("  %8d | not finished after %d minutes (parse floor %.2f s); larger sizes skipped%n",
                        size, BUDGET_MINUTES, floor / 1e9);
                return;
            }
            long wall = System.nanoTime() - start;
            System.out.printf("  %8d | %5d | %9.2f s | %7.2f s | %4.1fx | %5d | %5.2f ms | %6.1f MB | %6d MB%n", size,
                    result.files(), floor / 1e9, wall / 1e9, (double) wall / floor, result.steps(),
                    wall / 1e6 / Math.max(1, result.steps()), result.outputChars() / 1e6, peakHeap() >> 20);
        }
    }

    private Path write(FleetFiles files, String name) throws Exception {
        Path dir = tmp.resolve(name);
        ExampleFleet.write(files, dir);
        return dir;
    }

    /** Read every file of the repository from disk and parse every YAML file once: what no plan can beat. */
    private static long parseFloor(Path fleet) throws Exception {
        long start = System.nanoTime();
        FleetFiles files = FleetSource.directory(fleet);
        for (String path : files.paths()) {
            if (path.endsWith(".yaml")) {
                YamlFile.parse(path, files.read(path).orElseThrow());
            }
        }
        return System.nanoTime() - start;
    }

    record Result(int files, int steps, long outputChars) {
    }

    private static Result plan(Path fleet) {
        CountingWriter out = new CountingWriter();
        StringWriter err = new StringWriter();
        int exit = DroverMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("plan", fleet.toString(), "--skip-builds", "--output", "json");
        assertThat(exit).as(err.toString()).isZero();
        Matcher steps = TOTAL_STEPS.matcher(out.head);
        assertThat(steps.find()).as(out.head.toString()).isTrue();
        int files;
        try {
            files = FleetSource.directory(fleet).paths().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Result(files, Integer.parseInt(steps.group(1)), out.count);
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
            if (head.length() < 4096) {
                head.append(buffer, offset, Math.min(length, 4096 - head.length()));
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
