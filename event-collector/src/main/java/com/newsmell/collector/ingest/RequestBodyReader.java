package com.newsmell.collector.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a request body into a JSON tree, or a 400/413 problem: strict UTF-8, strict JSON. */
final class RequestBodyReader {

    private RequestBodyReader() {}

    static JsonNode read(byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            throw new ProblemException(Problem.invalidParameter("", "required", "The request body is empty."));
        }
        if (body.length > maxBytes) {
            throw new ProblemException(tooLarge(maxBytes));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.invalidParameter("", "encoding", "The body is not valid UTF-8."));
        }
        try {
            JsonNode node = EventCodec.mapper().readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ProblemException(Problem.invalidParameter("", "required", "The request body is empty."));
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ProblemException(
                    Problem.invalidParameter("", "syntax", "The body is not well-formed JSON" + where + "."));
        }
    }

    static Problem tooLarge(int maxBytes) {
        return Problem.of(
                413, "payload-too-large", "Payload too large", "The body is larger than " + maxBytes + " bytes.");
    }
}
