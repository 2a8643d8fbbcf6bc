package news.timeline.extraction.actors;

/**
 * One mention of an actor: sentence index, token range [from, to), UTF-16 span into the submitted text, and how it
 * names the actor.
 */
public record ActorMention(ActorEntity actor, int sentence, int from, int to, int start, int end, Use use, String ruleId) {

    public enum Use {
        /** the actor's name or an alias */
        NAME,
        /** a demonym or adjective ("North Korean officials") */
        DEMONYM,
        /** a capital or seat of government for its state ("Pyongyang is supplying") */
        METONYM,
        /** a description ("the North Korean leader", "China's top trade negotiator") */
        DESCRIPTION,
        /** a short form resolved in the article ("Kim", "Shoigu") */
        COREFERENCE,
        /** the name used as a location ("in Pyongyang"): not a participation */
        PLACE
    }
}
