package news.timeline.actors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** "This actor acts for {@code to} (as {@code role}) from {@code validFrom} to {@code validTo}"; open ends are null. */
@Schema(name = "AffiliationInput", example = """
        {"to": "north-korea", "role": "leader", "validFrom": "2011-12-17"}""")
public record AffiliationInput(
        @Schema(description = "The actor acted for: id or slug") @NotBlank @Size(max = 200) String to,
        @Size(max = 200) String role,
        LocalDate validFrom,
        LocalDate validTo) {
}
