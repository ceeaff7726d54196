package org.enis.schemas.kafka;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A Kafka message value that {@link AvroSingleObjectDeserializer} cannot turn into a record.
 * The subclasses say why: {@link UnknownSchemaException} (a well-formed message of a schema this
 * deserializer does not know) or {@link MalformedMessageException} (not Avro single-object
 * encoding, or a body that does not decode).
 *
 * <p>Thrown from a {@code KafkaConsumer}'s {@code poll}, it arrives wrapped in Kafka's
 * {@code RecordDeserializationException}, which names the partition and offset (so that a
 * consumer can log the message and seek past it) and has this exception as its cause.
 */
public abstract class MessageDecodingException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final int messageLength;

    /**
     * @param topic topic the message came from, null if unknown
     * @param messageLength length of the message value in bytes
     * @param message what is wrong
     * @param cause underlying failure, null if none
     */
    protected MessageDecodingException(String topic, int messageLength, String message,
            Throwable cause) {
        super(prefix(topic, messageLength) + message, cause);
        this.topic = topic;
        this.messageLength = messageLength;
    }

    private static String prefix(String topic, int messageLength) {
        return "cannot decode the " + messageLength + "-byte message"
                + (topic == null ? "" : " of topic " + topic) + ": ";
    }

    /** Topic the message came from; null if the caller did not say. */
    public String topic() {
        return topic;
    }

    /** Length of the message value in bytes. */
    public int messageLength() {
        return messageLength;
    }
}
