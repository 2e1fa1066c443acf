package io.drover.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.FleetFiles;
import io.drover.testing.GitOrigin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drover's notes on a real bare origin: appended in the object database, pushed under
 * refs/notes/drover with a lease, readable by git itself, and never lost or doubled by a crash, a
 * fetch, or another writer pushing notes at the same time.
 */
class DroverNotesTest {

    private static final BotIdentity BOT = new BotIdentity("drover[bot]", "drover@example.com");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String MERGED = "{\"event\":\"step-merged\",\"rollout\":\"production-1-31\",\"step\":\"add-prod-euw-03\"}";
    private static final String GATE = "{\"event\":\"gate-passed\",\"rollout\":\"production-1-31\",\"step\":\"add-prod-euw-03\"}";
    private static final String PAUSED = "{\"event\":\"paused\",\"rollout\":\"production-1-31\",\"by\":\"alice\"}";

    @TempDir
    Path dir;

    private GitOrigin origin;
    private String base;

    @BeforeEach
    void origin() throws Exception {
        origin = GitOrigin.withFiles(dir.resolve("origin.git"), FleetFiles.of(Map.of("README.md", "fleet\n")));
        base = origin.tip("main").name();
    }

    @AfterEach
    void close() {
        origin.close();
    }

    @Test
    void anAppendCreatesThenExtendsTheNoteAndGitReadsThePushedLines() throws Exception {
        try (FleetWorkspace drover = workspace("drover")) {
            assertThat(drover.appendNote(base, MERGED, BOT, NOW)).isTrue();
            assertThat(drover.appendNote(base, GATE, BOT, NOW.plusSeconds(60))).isTrue();
            assertThat(originNote(base)).as("nothing is pushed before pushNotes").isEmpty();

            drover.pushNotes();
        }

        assertThat(originNote(base)).containsExactly(MERGED, GATE);
        assertThat(git("notes", "--ref=drover", "show", base)).isEqualTo(MERGED + "\n" + GATE + "\n");
        try (RevWalk walk = new RevWalk(origin.repository())) {
            RevCommit notes = walk.parseCommit(origin.repository().resolve("refs/notes/drover"));
            assertThat(notes.getCommitterIdent().getEmailAddress()).isEqualTo("drover@example.com");
            assertThat(notes.getParentCount()).as("the second append builds on the first").isEqualTo(1);
        }
    }

    @Test
    void aRedoAfterACrashBetweenAppendAndPushLeavesOneLine() throws Exception {
        try (FleetWorkspace drover = workspace("drover")) {
            drover.appendNote(base, MERGED, BOT, NOW);
        }
        // Restarted: the same clone, fetched, and the same event recorded again.
        try (FleetWorkspace drover = workspace("drover")) {
            drover.fetch();
            assertThat(drover.appendNote(base, MERGED, BOT, NOW.plusSeconds(30))).isFalse();
            drover.pushNotes();
            drover.fetch();
            assertThat(drover.appendNote(base, MERGED, BOT, NOW.plusSeconds(60))).isFalse();
            drover.pushNotes();
        }

        assertThat(originNote(base)).containsExactly(MERGED);
    }

    @Test
    void aFetchKeepsTheLinesNotYetPushedOnTopOfOrigins() throws Exception {
        try (FleetWorkspace other = workspace("other"); FleetWorkspace drover = workspace("drover")) {
            other.appendNote(base, PAUSED, BOT, NOW);
            other.pushNotes();
            drover.appendNote(base, MERGED, BOT, NOW.plusSeconds(5));

            drover.fetch();

            assertThat(drover.noteLines(base)).containsExactly(PAUSED, MERGED);
            drover.pushNotes();
        }
        assertThat(originNote(base)).containsExactly(PAUSED, MERGED);
    }

    @Test
    void aPushOverNotesDroverHasNotSeenIsRefusedThenMadeOnTopOfThem() throws Exception {
        ObjectId theirs;
        try (FleetWorkspace other = workspace("other"); FleetWorkspace drover = workspace("drover")) {
            drover.appendNote(base, MERGED, BOT, NOW);
            other.appendNote(base, PAUSED, BOT, NOW);
            other.pushNotes();
            theirs = origin.repository().resolve("refs/notes/drover");

            drover.pushNotes();
        }

        assertThat(originNote(base)).containsExactly(PAUSED, MERGED);
        try (RevWalk walk = new RevWalk(origin.repository())) {
            RevCommit pushed = walk.parseCommit(origin.repository().resolve("refs/notes/drover"));
            assertThat(walk.isMergedInto(walk.parseCommit(theirs), pushed)).as("the other writer's notes commit is kept").isTrue();
        }
    }

    @Test
    void whenOriginsNotesChangeUnderEveryPushDroverGivesUpAndOverwritesNothing() throws Exception {
        workspace("drover").close();
        // A pre-push hook moves origin's notes after Drover has seen them, as a writer racing every push would.
        Path hook = dir.resolve("drover/hooks/pre-push");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, """
                #!/bin/sh
                repo='%s'
                tree=$(git --git-dir="$repo" mktree </dev/null)
                parent=$(git --git-dir="$repo" rev-parse -q --verify refs/notes/drover)
                commit=$(echo race | git --git-dir="$repo" -c user.name=racer -c user.email=racer@example.com commit-tree "$tree" ${parent:+-p "$parent"})
                git --git-dir="$repo" update-ref refs/notes/drover "$commit"
                """.formatted(dir.resolve("origin.git")));
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (FleetWorkspace drover = workspace("drover")) {
            drover.appendNote(base, MERGED, BOT, NOW);

            assertThatThrownBy(drover::pushNotes).isInstanceOf(GitFailure.class)
                    .hasMessage("origin's refs/notes/drover changed under each of 5 pushes; the notes stay here and are pushed on a later pass");
            assertThat(drover.noteLines(base)).as("kept for the next pass").containsExactly(MERGED);
        }
        try (RevWalk walk = new RevWalk(origin.repository())) {
            RevCommit last = walk.parseCommit(origin.repository().resolve("refs/notes/drover"));
            assertThat(last.getCommitterIdent().getName()).as("origin holds the racer's notes, not an overwrite").isEqualTo("racer");
            assertThat(count(walk, last)).as("one racing commit per attempt").isEqualTo(5);
        }
    }

    private static int count(RevWalk walk, RevCommit tip) throws IOException {
        int commits = 0;
        for (RevCommit c = tip; c != null; c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0))) {
            commits++;
        }
        return commits;
    }

    @Test
    void aFetchFromAnOriginWithoutNotesLeavesThemEmpty() throws Exception {
        try (FleetWorkspace drover = workspace("drover")) {
            drover.fetch();
            assertThat(drover.noteLines(base)).isEmpty();
            assertThat(drover.notes()).isEmpty();
            drover.pushNotes();
        }
        assertThat(origin.repository().resolve("refs/notes/drover")).isNull();
    }

    @Test
    void aNoteLineIsOneLine() throws Exception {
        try (FleetWorkspace drover = workspace("drover")) {
            assertThatThrownBy(() -> drover.appendNote(base, MERGED + "\n" + GATE, BOT, NOW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(drover.notes()).isEmpty();
        }
    }

    private FleetWorkspace workspace(String name) throws GitFailure {
        return FleetWorkspace.open(dir.resolve(name), origin.url(), CredentialsProvider.getDefault());
    }

    private List<String> originNote(String commit) throws IOException {
        try (FleetWorkspace reading = FleetWorkspace.reading(origin.repository())) {
            return reading.noteLines(commit);
        } catch (GitFailure e) {
            throw new IOException(e);
        }
    }

    private String git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "--git-dir=" + dir.resolve("origin.git")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
