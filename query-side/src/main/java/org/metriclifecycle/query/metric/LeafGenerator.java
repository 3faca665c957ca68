package org.metriclifecycle.query.metric;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A generator that writes no text: it hands each token to a {@link LeafRecorder}, each value as the node Jackson's
 * tree would hold for it. Raw and binary output have no leaf of their own, so they are refused
 * ({@link UnsupportedOperationException}) and the caller flattens a tree instead.
 */
final class LeafGenerator extends GeneratorBase {

    private final LeafRecorder recorder;

    LeafGenerator(ObjectCodec codec, LeafRecorder recorder) {
        super(0, codec);
        this.recorder = recorder;
    }

    @Override
    public void writeStartArray() {
        recorder.startArray();
    }

    @Override
    public void writeEndArray() {
        recorder.endArray();
    }

    @Override
    public void writeStartObject() {
        recorder.startObject();
    }

    @Override
    public void writeEndObject() {
        recorder.endObject();
    }

    @Override
    public void writeFieldName(String name) {
        recorder.field(name);
    }

    @Override
    public void writeFieldName(SerializableString name) {
        recorder.field(name.getValue());
    }

    @Override
    public void writeString(String text) {
        recorder.value(text == null ? NullNode.getInstance() : TextNode.valueOf(text));
    }

    @Override
    public void writeString(char[] text, int offset, int length) {
        recorder.value(TextNode.valueOf(new String(text, offset, length)));
    }

    @Override
    public void writeString(SerializableString text) {
        recorder.value(TextNode.valueOf(text.getValue()));
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) {
        throw unsupported();
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) {
        throw unsupported();
    }

    @Override
    public void writeRaw(String text) {
        throw unsupported();
    }

    @Override
    public void writeRaw(String text, int offset, int len) {
        throw unsupported();
    }

    @Override
    public void writeRaw(char[] text, int offset, int len) {
        throw unsupported();
    }

    @Override
    public void writeRaw(char c) {
        throw unsupported();
    }

    @Override
    public void writeRawValue(String text) {
        throw unsupported();
    }

    @Override
    public void writeRawValue(String text, int offset, int len) {
        throw unsupported();
    }

    @Override
    public void writeRawValue(char[] text, int offset, int len) {
        throw unsupported();
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int len) {
        throw unsupported();
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int dataLength) {
        throw unsupported();
    }

    @Override
    public void writeNumber(int value) {
        recorder.value(IntNode.valueOf(value));
    }

    @Override
    public void writeNumber(long value) {
        recorder.value(LongNode.valueOf(value));
    }

    @Override
    public void writeNumber(BigInteger value) {
        recorder.value(value == null ? NullNode.getInstance() : BigIntegerNode.valueOf(value));
    }

    @Override
    public void writeNumber(double value) {
        recorder.value(DoubleNode.valueOf(value));
    }

    @Override
    public void writeNumber(float value) {
        recorder.value(FloatNode.valueOf(value));
    }

    @Override
    public void writeNumber(BigDecimal value) {
        if (value == null) {
            recorder.value(NullNode.getInstance());
            return;
        }
        // A tree may strip a decimal's trailing zeros; no view writes one, and guessing would be worse than refusing.
        throw unsupported();
    }

    @Override
    public void writeNumber(String encoded) {
        throw unsupported();
    }

    @Override
    public void writeBoolean(boolean state) {
        recorder.value(BooleanNode.valueOf(state));
    }

    @Override
    public void writeNull() {
        recorder.value(NullNode.getInstance());
    }

    @Override
    public void flush() {
    }

    @Override
    protected void _releaseBuffers() {
    }

    @Override
    protected void _verifyValueWrite(String typeMsg) throws IOException {
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("no leaf for raw, binary or decimal output");
    }
}
