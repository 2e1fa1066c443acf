package io.drover.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.testing.GitOrigin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of a step's files a commit does not hold as the step leaves them, found from blob ids. */
class DifferingPathsTest {

    @TempDir
    Path tmp;

    @Test
    void namesEveryFileWhoseContentIsNotTheChangesResult() throws Exception {
        FleetFiles files = FleetFiles.of(Map.of("clusters/a.yaml", "name: a\n", "clusters/b.yaml", "name: b\n",
                "traffic/dns.yaml", "weights: {a: 1}\n"));
        try (GitOrigin origin = GitOrigin.withFiles(tmp.resolve("origin.git"), files);
                FleetWorkspace workspace = FleetWorkspace.open(tmp.resolve("repo"), origin.url(), CredentialsProvider.getDefault())) {
            workspace.fetch();
            String tip = origin.tip("main").name();

            List<FileChange> changes = List.of(
                    new FileChange("clusters/a.yaml", Optional.of("name: a\n"), Optional.of("name: a\n")),
                    new FileChange("traffic/dns.yaml", Optional.of("weights: {a: 1}\n"), Optional.of("weights: {a: 2}\n")),
                    new FileChange("clusters/b.yaml", Optional.of("name: b\n"), Optional.empty()),
                    new FileChange("clusters/c.yaml", Optional.empty(), Optional.of("name: c\n")),
                    new FileChange("clusters/gone.yaml", Optional.of("name: gone\n"), Optional.empty()));

            assertThat(workspace.differingPaths(tip, changes))
                    .containsExactly("traffic/dns.yaml", "clusters/b.yaml", "clusters/c.yaml");
            assertThat(workspace.differingPaths(tip, changes.subList(0, 1))).isEmpty();
            assertThat(workspace.differingPaths(tip, List.of())).isEmpty();
        }
    }
}
