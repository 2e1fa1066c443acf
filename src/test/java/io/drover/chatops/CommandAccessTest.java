package io.drover.chatops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CommandAccessTest {

    private static final Commenter ALICE = new Commenter(101, "alice", false);
    private static final CommandAccess POLICY = new CommandAccess(Set.of(202L), Set.of(303L));

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource({
        "admin,    resume, true",
        "maintain, resume, true",
        "write,    abort,  true",
        "triage,   pause,  false",
        "triage,   resume, false",
        "read,     pause,  false",
        "read,     status, true",
        "none,     status, false",
        "none,     help,   false",
    })
    void theRoleOnTheRepositoryDecides(String role, String verb, boolean allowed) {
        Command command = CommandParser.parse("/drover " + verb).get(0);

        CommandAccess.Verdict verdict = CommandAccess.WRITERS_ONLY.check(command, ALICE, RepositoryRole.of(role, role));

        assertThat(verdict.allowed()).isEqualTo(allowed);
        assertThat(verdict.answered()).isTrue();
        if (!allowed) {
            assertThat(verdict.refusal()).hasValueSatisfying(r -> assertThat(r).startsWith("@alice may not give this command"));
        }
    }

    @Test
    void thePolicyAllowsByNumericIdNotByLogin() {
        Command resume = new Command.Resume();

        assertThat(POLICY.check(resume, new Commenter(202, "renamed-login", false), RepositoryRole.READ).allowed()).isTrue();
        // Someone who took a login the policy's person once had gets nothing from it.
        assertThat(POLICY.check(resume, new Commenter(999, "alice", false), RepositoryRole.READ).allowed()).isFalse();
    }

    @Test
    void pausersMayPauseButNotGoOn() {
        Commenter pauser = new Commenter(303, "oncall", false);

        assertThat(POLICY.check(new Command.Pause(Optional.of("alarm")), pauser, RepositoryRole.NONE).allowed()).isTrue();
        assertThat(POLICY.check(new Command.Resume(), pauser, RepositoryRole.NONE).allowed()).isFalse();
        assertThat(POLICY.check(new Command.Skip(Optional.empty()), pauser, RepositoryRole.NONE).allowed()).isFalse();
        assertThat(POLICY.check(new Command.Abort(Optional.empty()), pauser, RepositoryRole.NONE).allowed()).isFalse();
    }

    @Test
    void botsAreNeitherObeyedNorAnswered() {
        CommandAccess.Verdict verdict = POLICY.check(new Command.Pause(Optional.empty()), new Commenter(202, "drover[bot]", true),
                RepositoryRole.ADMIN);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.answered()).isFalse();
    }

    @Test
    void aCustomRoleCountsAsThePermissionItIsBasedOn() {
        assertThat(RepositoryRole.of("release-captain", "write")).isEqualTo(RepositoryRole.WRITE);
        assertThat(RepositoryRole.of("auditor", "read")).isEqualTo(RepositoryRole.READ);
        assertThat(RepositoryRole.of(null, null)).isEqualTo(RepositoryRole.NONE);
        assertThat(RepositoryRole.of("maintain", "write")).isEqualTo(RepositoryRole.MAINTAIN);
    }
}
