package io.edgestudio.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A JSON value on the command line: the text itself, {@code @file} for a file's content or {@code @-} for
 * standard input. Invalid JSON is a usage error naming the file (if any), line and column.
 */
final class JsonArgument implements ITypeConverter<JsonNode> {

    private static final ObjectReader READER = EdgeClient.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public JsonNode convert(String value) {
        if (value.startsWith("@")) {
            String name = value.substring(1);
            String text;
            try {
                text = name.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(name));
            } catch (NoSuchFileException e) {
                throw new TypeConversionException("no file " + name);
            } catch (IOException e) {
                throw new TypeConversionException("cannot read " + name + ": " + e.getMessage());
            }
            return parse(text, name.equals("-") ? "<stdin>" : name);
        }
        return parse(value, null);
    }

    private static boolean looksLikeText(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && Character.isLetter(stripped.charAt(0));
    }

    /**
     * @param text JSON text
     * @param source the file it came from, or null for the command line
     * @return the JSON value
     * @throws TypeConversionException if the text is not one JSON value
     */
    static JsonNode parse(String text, String source) {
        try {
            JsonNode json = READER.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw new TypeConversionException((source == null ? "" : source + ": ") + "no JSON value");
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = (source == null ? "" : source + ":")
                    + (at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ");
            throw new TypeConversionException(place + "not valid JSON: " + e.getOriginalMessage()
                    + (source == null && looksLikeText(text) ? " (a text value needs JSON quotes, e.g. '\"on\"')" : ""));
        }
    }
}
