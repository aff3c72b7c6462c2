package com.newsmell.collector.ingest;

/**
 * Strict UTF-8 validation of a request body, without decoding it (issue 17): the well-formed byte sequences of the
 * Unicode Standard's table 3-7, so overlong forms, encoded surrogates, code points above U+10FFFF and truncated
 * sequences are refused, exactly as a {@code CharsetDecoder} that reports malformed input refuses them. The body is
 * then parsed from its bytes (Jackson's byte parser builds its strings without a char copy of the whole body). Pure.
 */
final class Utf8 {

    private Utf8() {}

    static boolean isValid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) { // ASCII
                i++;
                continue;
            }
            b &= 0xFF;
            if (b >= 0xC2 && b <= 0xDF) {
                if (i + 1 >= n || !continuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (i + 2 >= n) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xFF;
                int low = b == 0xE0 ? 0xA0 : 0x80; // no overlong form
                int high = b == 0xED ? 0x9F : 0xBF; // no surrogate
                if (b1 < low || b1 > high || !continuation(bytes[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (i + 3 >= n) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xFF;
                int low = b == 0xF0 ? 0x90 : 0x80; // no overlong form
                int high = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
                if (b1 < low || b1 > high || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false; // a continuation byte first, C0, C1 or F5..FF
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
