package io.drover.chatops;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Team;
import java.util.Map;
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

    private static final Team STEERING = new Team("acme", "release-captains");
    private static final Team ONCALL = new Team("acme", "oncall");
    private static final CommandAccess TEAMS = new CommandAccess(Set.of(202L), Set.of(303L), Set.of(STEERING), Set.of(ONCALL));

    @Test
    void teamsAreAskedOnlyWhenTheRoleAndTheIdsDoNotAlreadyAllow() {
        Command resume = new Command.Resume();
        Command pause = new Command.Pause(Optional.empty());

        assertThat(TEAMS.teamsToAsk(resume, ALICE, RepositoryRole.WRITE)).isEmpty();
        assertThat(TEAMS.teamsToAsk(resume, new Commenter(202, "stella", false), RepositoryRole.NONE)).isEmpty();
        assertThat(TEAMS.teamsToAsk(pause, new Commenter(303, "pat", false), RepositoryRole.NONE)).isEmpty();
        assertThat(TEAMS.teamsToAsk(new Command.Status(), ALICE, RepositoryRole.READ)).isEmpty();
        assertThat(TEAMS.teamsToAsk(pause, new Commenter(7, "renovate[bot]", true), RepositoryRole.NONE)).isEmpty();
        // Only the teams that could allow the verb: pausing teams never help a resume.
        assertThat(TEAMS.teamsToAsk(resume, ALICE, RepositoryRole.READ)).containsExactly(STEERING);
        assertThat(TEAMS.teamsToAsk(pause, ALICE, RepositoryRole.READ)).containsExactly(ONCALL, STEERING);
        assertThat(TEAMS.teamsToAsk(new Command.Help(), ALICE, RepositoryRole.NONE)).containsExactly(ONCALL, STEERING);
    }

    @ParameterizedTest(name = "an active member of {0} may {1}: {2}")
    @CsvSource({
        "release-captains, resume, true",
        "release-captains, abort,  true",
        "release-captains, pause,  true",
        "oncall,           pause,  true",
        "oncall,           status, true",
        "oncall,           resume, false",
        "oncall,           skip,   false",
        "oncall,           retry,  false",
        "oncall,           abort,  false",
    })
    void anActiveMemberOfAnAllowedTeamMayGiveWhatTheTeamIsAllowed(String team, String verb, boolean allowed) {
        Command command = CommandParser.parse("/drover " + verb).get(0);
        Memberships member = new Memberships(Set.of(new Team("acme", team)), Map.of());

        CommandAccess.Verdict verdict = TEAMS.check(command, ALICE, RepositoryRole.NONE, member);

        assertThat(verdict.allowed()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(verdict.refusal()).hasValue("@alice may not give this command: it needs write access to the fleet "
                    + "repository, or to be allowed to steer by the policy (by user id or team)");
        }
    }

    @Test
    void noMembershipIsARefusal() {
        CommandAccess.Verdict verdict = TEAMS.check(new Command.Pause(Optional.empty()), ALICE, RepositoryRole.READ,
                Memberships.NONE);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal()).hasValueSatisfying(r -> assertThat(r).endsWith("allowed to pause by the policy (by user id or team)"));
    }

    @Test
    void aLookupThatFailedRefusesAndSaysTheCheckCouldNotBeMade() {
        Memberships failed = new Memberships(Set.of(), Map.of(STEERING, "GitHub: HTTP 502"));

        CommandAccess.Verdict verdict = TEAMS.check(new Command.Resume(), ALICE, RepositoryRole.READ, failed);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.refusal()).hasValue("@alice may not give this command now: Drover could not check whether they "
                + "are a member of team acme/release-captains (GitHub: HTTP 502); try again later");
        // Another team that answered yes still allows.
        assertThat(TEAMS.check(new Command.Pause(Optional.empty()), ALICE, RepositoryRole.READ,
                new Memberships(Set.of(ONCALL), Map.of(STEERING, "GitHub: HTTP 502"))).allowed()).isTrue();
    }

    @Test
    void botsAreIgnoredWhateverTheirTeams() {
        CommandAccess.Verdict verdict = TEAMS.check(new Command.Resume(), new Commenter(9, "ci[bot]", true), RepositoryRole.NONE,
                new Memberships(Set.of(STEERING), Map.of()));

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
