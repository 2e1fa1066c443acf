package io.drover.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://github.com/example/fleet.git",
            "https://github.com/example/fleet",
            "https://github.com/example/fleet/",
            "https://GitHub.com/Example/Fleet.git",
            "git@github.com:example/fleet.git",
            "ssh://git@github.com/example/fleet.git",
            "ssh://git@github.com:22/example/fleet",
            "https://x-access-token@github.com/example/fleet.git"})
    void spellingsOfOneRepositoryAreTheSame(String url) {
        assertThat(RepoUrls.same(url, "https://github.com/example/fleet.git")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://github.com/example/fleet-apps.git",
            "https://github.com/other/fleet.git",
            "https://gitlab.com/example/fleet.git",
            "https://github.com/example",
            ""})
    void otherRepositoriesAreNot(String url) {
        assertThat(RepoUrls.same(url, "https://github.com/example/fleet.git")).isFalse();
    }
}
