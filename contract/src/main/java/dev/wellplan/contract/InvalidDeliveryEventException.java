package dev.wellplan.contract;

/** A record on the delivery-events topic that cannot be read: it belongs on the dead-letter topic. */
public class InvalidDeliveryEventException extends RuntimeException {
    public InvalidDeliveryEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
