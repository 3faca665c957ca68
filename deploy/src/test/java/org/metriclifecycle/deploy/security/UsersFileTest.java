package org.metriclifecycle.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UsersFileTest {

    @Test
    void readsHashedAndPlainPasswordsRolesAndTeams() throws Exception {
        UsersFile users = UsersFile.parse(new StringReader("""
                # comment
                lena = sha256:2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b | lead | search, ranking
                vera = vera | viewer |
                """));
        UsersFile.Entry lena = users.find("lena").orElseThrow();
        assertThat(lena.matches("secret".toCharArray())).isTrue();
        assertThat(lena.matches("lena".toCharArray())).isFalse();
        assertThat(lena.roles()).isEqualTo(Set.of("lead"));
        assertThat(lena.teams()).isEqualTo(Set.of("search", "ranking"));
        assertThat(users.find("vera").orElseThrow().matches("vera".toCharArray())).isTrue();
        assertThat(users.find("mallory")).isEmpty();
    }

    @Test
    void theDemoUsersAreBuiltIn() {
        UsersFile demo = UsersFile.load(Optional.empty());
        for (String name : new String[] {"ada", "lena", "carl", "pipe", "vera"}) {
            assertThat(demo.find(name).orElseThrow().matches(name.toCharArray())).as(name).isTrue();
        }
        assertThat(demo.find("lena").orElseThrow().teams()).containsExactly("search");
    }

    @Test
    void aMalformedLineIsRefusedAtStartUp() {
        assertThatThrownBy(() -> UsersFile.parse(new StringReader("lena = secret | lead\n")))
                .hasMessageContaining("password | roles | teams");
    }

    @Test
    void callersMayOnlyActInTheirTeamsUnlessAdmin() {
        Caller lead = new Caller("lena", Set.of(Role.LEAD), Set.of("search"));
        assertThat(lead.may(Action.DEPRECATE_METRIC, "search")).isTrue();
        assertThat(lead.may(Action.DEPRECATE_METRIC, "other")).isFalse();
        assertThat(lead.may(Action.READ, null)).isTrue();
        Caller pipeline = new Caller("pipe", Set.of(Role.PIPELINE), Set.of("search"));
        assertThat(pipeline.may(Action.RECORD_CORRELATION, "search")).isTrue();
        assertThat(pipeline.may(Action.PROPOSE_METRIC, "search")).isFalse();
        assertThat(new Caller("ada", Set.of(Role.ADMIN), Set.of()).may(Action.SET_BUDGET, "any")).isTrue();
        assertThat(new Caller("nobody", Set.of(), Set.of("search")).may(Action.READ, null)).isFalse();
    }
}
