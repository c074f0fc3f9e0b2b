package dev.netchat.web.shared;

import java.io.IOException;

/** Thrown while reading a request body that outgrew the limit although it announced no length. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
