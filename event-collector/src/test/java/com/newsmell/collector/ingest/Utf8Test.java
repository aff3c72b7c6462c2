package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The body's UTF-8 check agrees with a strict CharsetDecoder on every input; pure. */
class Utf8Test {

    private static boolean decoderAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void wellFormedTextIsValid() {
        for (String text : List.of("", "plain ascii", "Ölfarbe", "香水", "🌹 rose", "\u200fright-to-left", "e\u0301")) {
            assertThat(Utf8.isValid(text.getBytes(StandardCharsets.UTF_8)))
                    .as(text)
                    .isTrue();
        }
    }

    @Test
    void malformedSequencesAreRefusedAsTheDecoderRefusesThem() {
        for (String hex : List.of(
                "80", // a continuation byte first
                "c0af", // overlong '/'
                "c1bf", // overlong
                "e080af", // overlong three-byte
                "eda080", // an encoded high surrogate
                "edbfbf", // an encoded low surrogate
                "f08080af", // overlong four-byte
                "f4908080", // above U+10FFFF
                "f5808080", // no such lead byte
                "ff",
                "c3", // truncated
                "e282", // truncated
                "f09f8c", // truncated
                "c328", // a bad continuation
                "e228a1")) {
            byte[] bytes = HexFormat.of().parseHex(hex);
            assertThat(Utf8.isValid(bytes)).as(hex).isFalse();
            assertThat(decoderAccepts(bytes)).as(hex).isFalse();
        }
    }

    // Random bytes, mostly near-valid sequences: the check and a strict decoder never disagree.
    @Test
    void randomBytesNeverDisagreeWithAStrictDecoder() {
        SplittableRandom random = new SplittableRandom(31);
        int valid = 0;
        for (int i = 0; i < 300_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(8)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte)
                        switch (random.nextInt(4)) {
                            case 0 -> random.nextInt(0x80);
                            case 1 -> 0x80 + random.nextInt(0x40);
                            case 2 -> 0xC0 + random.nextInt(0x40);
                            default -> random.nextInt(256);
                        };
            }
            boolean expected = decoderAccepts(bytes);
            assertThat(Utf8.isValid(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("the random inputs include valid ones").isGreaterThan(10_000);
    }
}
