package dev.ticketflow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class AdminTokenTest {

    @TempDir
    Path base;

    @Test
    void aTokenIsGeneratedOwnerOnlyOnFirstStartAndReusedAfterwards(Vertx vertx) throws Exception {
        TicketflowConfig config = TicketflowConfig.defaults(base);

        String first = AdminToken.resolve(vertx, config).await();
        String second = AdminToken.resolve(vertx, config).await();

        Path file = base.resolve("data/admin-token");
        assertThat(first).hasSizeGreaterThanOrEqualTo(40).matches("[A-Za-z0-9_-]+");
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(file).trim()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void twoInstallationsGetDifferentTokens(Vertx vertx) {
        String one = AdminToken.resolve(vertx, TicketflowConfig.defaults(base.resolve("one"))).await();
        String two = AdminToken.resolve(vertx, TicketflowConfig.defaults(base.resolve("two"))).await();

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void aConfiguredTokenIsUsedAndNoFileIsWritten(Vertx vertx) {
        TicketflowConfig config = TicketflowConfig.defaults(base).withAdminToken("configured-token");

        assertThat(AdminToken.resolve(vertx, config).await()).isEqualTo("configured-token");
        assertThat(base.resolve("data/admin-token")).doesNotExist();
    }
}
