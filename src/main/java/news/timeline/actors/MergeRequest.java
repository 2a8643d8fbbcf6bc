package news.timeline.actors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Merge the addressed actor into {@code into} (id or slug). */
@Schema(name = "MergeRequest", example = """
        {"into": "kim-jong-un"}""")
public record MergeRequest(@NotBlank @Size(max = 200) String into) {
}
