package news.timeline;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import news.timeline.config.DatabaseBootstrap;

/** Entry point: brings up the embedded database when none is configured, then the service. */
@QuarkusMain
public class TimelineApplication {

    public static void main(String... args) {
        DatabaseBootstrap.configureIfNeeded();
        Quarkus.run(args);
    }
}
