package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpoolTest {

    @Test
    void copiesAndSkipsRangesInOrderCountingCharactersNotBytes() throws IOException {
        StringWriter out = new StringWriter();
        try (Spool spool = new Spool()) {
            PrintWriter writer = new PrintWriter(spool.writer());
            writer.print("Größe ");
            long first = spool.position();
            writer.print("übersprungen ");
            long second = spool.position();
            writer.print("Schluss ✓");
            long end = spool.position();

            assertThat(first).isEqualTo(6);
            spool.copyTo(first, out);
            spool.skipTo(second);
            spool.copyTo(end, out);
        }
        assertThat(out).hasToString("Größe Schluss ✓");
    }

    @Test
    void closingDeletesTheFileAlsoWhenNothingWasCopied() throws IOException {
        List<Path> before = spools();
        try (Spool spool = new Spool()) {
            new PrintWriter(spool.writer()).print("a section never printed");
            assertThat(spools()).hasSize(before.size() + 1);
        }
        assertThat(spools()).containsExactlyInAnyOrderElementsOf(before);
    }

    /** The spool files in the temporary directory, named as {@link Spool} names them. */
    static List<Path> spools() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("drover-plan")
                    && p.getFileName().toString().endsWith(".spool")).toList();
        }
    }
}
