package org.enis.schemas.kafka;

/**
 * A message value that is not a valid Avro single-object encoding of a known schema: shorter
 * than the 10-byte header, without the marker bytes {@code C3 01}, with a body that does not
 * decode with the schema its fingerprint names, with bytes left over after the record, or
 * holding a number that is not finite (NaN or infinite).
 */
public class MalformedMessageException extends MessageDecodingException {

    private static final long serialVersionUID = 1L;

    /**
     * @param topic topic the message came from, null if unknown
     * @param messageLength length of the message value in bytes
     * @param message what is wrong
     * @param cause underlying decoding failure, null if none
     */
    public MalformedMessageException(String topic, int messageLength, String message,
            Throwable cause) {
        super(topic, messageLength, message, cause);
    }
}
