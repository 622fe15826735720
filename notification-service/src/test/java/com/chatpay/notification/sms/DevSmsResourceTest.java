package com.chatpay.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.Problem;
import com.chatpay.common.problem.ProblemMappers;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** The production behaviour of {@code /dev/sms}: with the dev endpoints off it does not exist. */
class DevSmsResourceTest {

    @Test
    void shouldAnswerNotFoundLikeAnUnknownPathWhenDevEndpointsAreOff() {
        DevSmsResource resource = new DevSmsResource(() -> false, null);

        assertThatThrownBy(() -> resource.sentTo("+33612345678"))
                .isExactlyInstanceOf(NotFoundException.class)
                .satisfies(e -> {
                    // rendered by the shared mapper exactly as the router's own 404 for an unknown path
                    Response response = new ProblemMappers().webApplication((WebApplicationException) e);
                    assertThat(response.getStatus()).isEqualTo(404);
                    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
                    assertThat(((java.util.Map<?, ?>) response.getEntity()).get("code")).isEqualTo("NOT_FOUND");
                    Response unknownPath = new ProblemMappers().webApplication(new NotFoundException());
                    assertThat(response.getEntity()).isEqualTo(unknownPath.getEntity());
                });
    }

    @Test
    void shouldNotTouchTheSimulatorWhenDevEndpointsAreOff() {
        // a null simulator would fail with a NullPointerException if the gate let the call through
        DevSmsResource resource = new DevSmsResource(() -> false, null);

        assertThatThrownBy(() -> resource.sentTo(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldReadAnUnencodedPlusAsE164() {
        assertThat(DevSmsResource.normalize(" 33612345678")).isEqualTo("+33612345678");
        assertThat(DevSmsResource.normalize("+33612345678")).isEqualTo("+33612345678");
        assertThatThrownBy(() -> DevSmsResource.normalize("call me")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> DevSmsResource.normalize(null)).isInstanceOf(ApiException.class);
    }
}
