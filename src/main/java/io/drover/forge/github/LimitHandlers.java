package io.drover.forge.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * When GitHub says "too many", the library's stock handlers either fail without saying when to
 * return or sleep in the calling thread. These turn the answer into a {@link RetryLater} with the
 * wait GitHub asked for: Retry-After first, else the rate-limit reset time, else a minute.
 */
final class LimitHandlers {

    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private LimitHandlers() {
    }

    static GitHubRateLimitHandler primary(Clock clock) {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                throw new RetryLater("GitHub rate limit exhausted", waitOf(response, clock));
            }
        };
    }

    static GitHubAbuseLimitHandler secondary(Clock clock) {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) throws IOException {
                throw new RetryLater("GitHub secondary rate limit", waitOf(response, clock));
            }
        };
    }

    static Duration waitOf(GitHubConnectorResponse response, Clock clock) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null && retryAfter.trim().matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        }
        String reset = response.header("X-RateLimit-Reset");
        if (reset != null && reset.trim().matches("\\d+")) {
            Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
            return untilReset.isNegative() ? Duration.ofSeconds(1) : untilReset.plusSeconds(1);
        }
        return DEFAULT_WAIT;
    }
}
