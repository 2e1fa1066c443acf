package io.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.KubeVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a fleet from a commit of a real Git repository, where it lives in the subdirectory fleet/. */
class FleetSourceGitTest {

    private static final String EUW1 = "clusters/prod-euw-01/cluster.yaml";

    @TempDir
    Path dir;

    private Git git;
    private Path fleetDir;
    private RevCommit first;

    @BeforeEach
    void commitTheExample() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        fleetDir = ExampleCopy.copyTo(dir).root();
        Files.writeString(dir.resolve("README.md"), "not part of the fleet\n");
        first = commit("Add the fleet");
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void readsTheCommittedFilesNotTheWorkingTree() throws Exception {
        FleetFiles before = FleetSource.directory(fleetDir);
        Path definition = fleetDir.resolve(EUW1);
        Files.writeString(definition, Files.readString(definition).replace("version: v1.30.6", "version: v1.31.4"));
        Files.writeString(fleetDir.resolve("rollouts/uncommitted.yaml"), "kind: Rollout\n");

        FleetFiles committed = revision(fleetDir, "HEAD");

        assertThat(committed.read(EUW1).orElseThrow()).contains("version: v1.30.6").doesNotContain("v1.31.4");
        assertThat(committed.exists("rollouts/uncommitted.yaml")).isFalse();
        assertThat(committed.asMap()).isEqualTo(before.asMap());
        assertThat(FleetSource.directory(fleetDir).read(EUW1).orElseThrow()).contains("version: v1.31.4");
    }

    @Test
    void pathsAreRelativeToTheFleetDirectoryAndExcludeTheRestOfTheRepository() throws Exception {
        FleetFiles committed = revision(fleetDir, "HEAD");

        assertThat(committed.paths()).contains("README.md", EUW1, "rollouts/production-1-31.yaml")
                .noneMatch(p -> p.startsWith("fleet/") || p.startsWith(".git"));
        assertThat(committed.read("README.md").orElseThrow()).startsWith("# Example fleet repository");
    }

    @Test
    void theCommittedFleetReads() throws Exception {
        Fleet fleet = FleetReader.read(revision(fleetDir, "HEAD"));

        assertThat(fleet.clusters()).hasSize(5);
        assertThat(fleet.cluster("prod-euw-01").orElseThrow().version()).isEqualTo(new KubeVersion(1, 30, 6));
    }

    @Test
    void readsAnOlderCommitByIdOrRelativeRevision() throws Exception {
        Path definition = fleetDir.resolve(EUW1);
        Files.writeString(definition, Files.readString(definition).replace("version: v1.30.6", "version: v1.31.4"));
        commit("Upgrade prod-euw-01 in place");

        assertThat(version(revision(fleetDir, "HEAD"))).isEqualTo(new KubeVersion(1, 31, 4));
        assertThat(version(revision(fleetDir, "main"))).isEqualTo(new KubeVersion(1, 31, 4));
        assertThat(version(revision(fleetDir, "HEAD~1"))).isEqualTo(new KubeVersion(1, 30, 6));
        assertThat(version(revision(fleetDir, first.getName()))).isEqualTo(new KubeVersion(1, 30, 6));
    }

    @Test
    void theWholeRepositoryWhenGivenItsTop() throws Exception {
        FleetFiles all = revision(dir, "HEAD");

        assertThat(all.read("README.md").orElseThrow()).isEqualTo("not part of the fleet\n");
        assertThat(all.exists("fleet/" + EUW1)).isTrue();
    }

    @Test
    void directorySkipsTheGitDirectory() throws Exception {
        FleetFiles all = FleetSource.directory(dir);

        assertThat(all.exists("fleet/" + EUW1)).isTrue();
        assertThat(all.paths()).noneMatch(p -> p.startsWith(".git"));
    }

    @Test
    void anUnknownRevisionNamesNoCommit() throws Exception {
        try (FleetGitRepository repository = FleetGitRepository.holding(fleetDir).orElseThrow()) {
            assertThat(repository.resolve("no-such-branch")).isEmpty();
            assertThat(repository.top().toRealPath()).isEqualTo(dir.toRealPath());
        }
    }

    @Test
    void aLinkInTheCommitIsRefusedNotReadAsTheTextOfItsTarget() throws Exception {
        Files.createSymbolicLink(fleetDir.resolve("traffic/linked.yaml"), Path.of("api.yaml"));
        commit("Link a traffic file");

        FleetFiles committed = revision(fleetDir, "HEAD");
        FleetFiles onDisk = FleetSource.directory(fleetDir);

        for (FleetFiles files : java.util.List.of(committed, onDisk)) {
            assertThat(files.exists("traffic/linked.yaml")).isFalse();
            assertThat(files.refused()).containsOnlyKeys("traffic/linked.yaml");
            assertThat(files.refused().get("traffic/linked.yaml").message()).startsWith("a symbolic link (to api.yaml)");
        }
    }

    @Test
    void aDirectoryOutsideAnyGitRepositoryHasNone(@TempDir Path plain) throws Exception {
        Path fleet = ExampleCopy.copyTo(plain).root();

        assertThat(FleetGitRepository.holding(fleet)).isEmpty();
    }

    @Test
    void malformedRevisionIsAnIOExceptionNamingIt() throws Exception {
        try (FleetGitRepository repository = FleetGitRepository.holding(fleetDir).orElseThrow()) {
            assertThatThrownBy(() -> repository.resolve("main@{"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("main@{");
        }
    }

    @Test
    void directoriesAreLookedUpInTheCommitsTree() throws Exception {
        Files.createDirectories(fleetDir.resolve("uncommitted"));
        Files.writeString(fleetDir.resolve("uncommitted/file.yaml"), "a: 1\n");
        try (FleetGitRepository repository = FleetGitRepository.holding(fleetDir).orElseThrow()) {
            ObjectId head = repository.resolve("HEAD").orElseThrow();
            assertThat(repository.hasDirectory(head, "argocd/clusters")).isTrue();
            assertThat(repository.hasDirectory(head, "rollouts/production-1-31.yaml")).isFalse();
            assertThat(repository.hasDirectory(head, "uncommitted")).isFalse();
        }
    }

    @Test
    void directoryThatIsNotADirectory() {
        assertThatThrownBy(() -> FleetSource.directory(dir.resolve("missing")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing")
                .hasMessageEndingWith("is not a directory");
    }

    private static FleetFiles revision(Path fleet, String revision) throws IOException {
        try (FleetGitRepository repository = FleetGitRepository.holding(fleet).orElseThrow()) {
            return repository.files(repository.resolve(revision).orElseThrow());
        }
    }

    private RevCommit commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent author = new PersonIdent("Drover Test", "test@drover.io");
        return git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
    }

    private static KubeVersion version(FleetFiles files) throws Exception {
        return FleetReader.read(files).cluster("prod-euw-01").orElseThrow().version();
    }
}
