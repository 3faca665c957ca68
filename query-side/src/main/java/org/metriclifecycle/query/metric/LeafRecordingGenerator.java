package org.metriclifecycle.query.metric;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;

/**
 * Writes the view's JSON text through the generator it wraps and hands the same tokens to a {@link LeafGenerator}:
 * one serialization gives the stored document and the leaves its history diff compares.
 */
final class LeafRecordingGenerator extends JsonGeneratorDelegate {

    private final LeafGenerator leaves;

    LeafRecordingGenerator(JsonGenerator text, LeafGenerator leaves) {
        super(text, false);
        this.leaves = leaves;
    }

    @Override
    public void writeStartArray() throws IOException {
        leaves.writeStartArray();
        super.writeStartArray();
    }

    @Override
    public void writeStartArray(int size) throws IOException {
        leaves.writeStartArray();
        super.writeStartArray(size);
    }

    @Override
    public void writeStartArray(Object forValue) throws IOException {
        leaves.writeStartArray();
        super.writeStartArray(forValue);
    }

    @Override
    public void writeStartArray(Object forValue, int size) throws IOException {
        leaves.writeStartArray();
        super.writeStartArray(forValue, size);
    }

    @Override
    public void writeEndArray() throws IOException {
        leaves.writeEndArray();
        super.writeEndArray();
    }

    @Override
    public void writeStartObject() throws IOException {
        leaves.writeStartObject();
        super.writeStartObject();
    }

    @Override
    public void writeStartObject(Object forValue) throws IOException {
        leaves.writeStartObject();
        super.writeStartObject(forValue);
    }

    @Override
    public void writeStartObject(Object forValue, int size) throws IOException {
        leaves.writeStartObject();
        super.writeStartObject(forValue, size);
    }

    @Override
    public void writeEndObject() throws IOException {
        leaves.writeEndObject();
        super.writeEndObject();
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        leaves.writeFieldName(name);
        super.writeFieldName(name);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        leaves.writeFieldName(name);
        super.writeFieldName(name);
    }

    @Override
    public void writeFieldId(long id) {
        throw unsupported();
    }

    @Override
    public void writeString(String text) throws IOException {
        leaves.writeString(text);
        super.writeString(text);
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        leaves.writeString(text, offset, len);
        super.writeString(text, offset, len);
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        leaves.writeString(text);
        super.writeString(text);
    }

    @Override
    public void writeString(java.io.Reader reader, int len) {
        throw unsupported();
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
        leaves.writeRawUTF8String(text, offset, length);
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
        leaves.writeUTF8String(text, offset, length);
    }

    @Override
    public void writeRawValue(String text) throws IOException {
        leaves.writeRawValue(text);
    }

    @Override
    public void writeRawValue(String text, int offset, int len) throws IOException {
        leaves.writeRawValue(text, offset, len);
    }

    @Override
    public void writeRawValue(char[] text, int offset, int len) throws IOException {
        leaves.writeRawValue(text, offset, len);
    }

    @Override
    public void writeBinary(com.fasterxml.jackson.core.Base64Variant variant, byte[] data, int offset, int len)
            throws IOException {
        leaves.writeBinary(variant, data, offset, len);
    }

    @Override
    public int writeBinary(com.fasterxml.jackson.core.Base64Variant variant, java.io.InputStream data, int dataLength)
            throws IOException {
        return leaves.writeBinary(variant, data, dataLength);
    }

    @Override
    public void writeNumber(short value) throws IOException {
        leaves.writeNumber((int) value);
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(int value) throws IOException {
        leaves.writeNumber(value);
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(long value) throws IOException {
        leaves.writeNumber(value);
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(BigInteger value) throws IOException {
        leaves.writeNumber(value);
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(double value) throws IOException {
        leaves.writeNumber(value);
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(float value) throws IOException {
        leaves.writeNumber(value);
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(BigDecimal value) throws IOException {
        leaves.writeNumber(value);
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(String encoded) throws IOException {
        leaves.writeNumber(encoded);
    }

    @Override
    public void writeBoolean(boolean state) throws IOException {
        leaves.writeBoolean(state);
        super.writeBoolean(state);
    }

    @Override
    public void writeNull() throws IOException {
        leaves.writeNull();
        super.writeNull();
    }
    // Jackson's delegate passes these to the wrapped generator directly, past the leaves: refused, so the caller
    // flattens a tree instead (no view writes them).
    @Override
    public void writeArray(int[] array, int offset, int length) {
        throw unsupported();
    }

    @Override
    public void writeArray(long[] array, int offset, int length) {
        throw unsupported();
    }

    @Override
    public void writeArray(double[] array, int offset, int length) {
        throw unsupported();
    }

    @Override
    public void writeArray(String[] array, int offset, int length) {
        throw unsupported();
    }

    @Override
    public void writeEmbeddedObject(Object object) {
        throw unsupported();
    }

    @Override
    public void writeObjectId(Object id) {
        throw unsupported();
    }

    @Override
    public void writeObjectRef(Object id) {
        throw unsupported();
    }

    @Override
    public void writeTypeId(Object id) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("output with no leaf of its own");
    }
}
