package dev.wellplan.ops.dlq;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Where a record is on a topic: {@code partition:offset}, as {@code dlq list} prints it. */
record RecordPosition(int partition, long offset) implements Comparable<RecordPosition> {

    static RecordPosition parse(String text) {
        int colon = text.indexOf(':');
        try {
            RecordPosition position = new RecordPosition(Integer.parseInt(text.substring(0, colon).strip()),
                    Long.parseLong(text.substring(colon + 1).strip()));
            if (position.partition >= 0 && position.offset >= 0) {
                return position;
            }
        } catch (RuntimeException e) {
            // reported below, with the form that was expected
        }
        throw new IllegalArgumentException("'" + text + "' is not PARTITION:OFFSET (two whole numbers, e.g. 0:12)");
    }

    @Override
    public int compareTo(RecordPosition other) {
        return partition != other.partition ? Integer.compare(partition, other.partition)
                : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return partition + ":" + offset;
    }

    /** Lets picocli read {@code --offset 0:12}. */
    static final class Converter implements ITypeConverter<RecordPosition> {
        @Override
        public RecordPosition convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
