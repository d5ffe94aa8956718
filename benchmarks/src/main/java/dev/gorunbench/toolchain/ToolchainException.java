package dev.gorunbench.toolchain;

/** The Go toolchain could not be used; the message names what was tried and how to fix it. */
public class ToolchainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolchainException(String message) {
        super(message);
    }

    public ToolchainException(String message, Throwable cause) {
        super(message, cause);
    }
}
