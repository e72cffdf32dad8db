package cn.sc.countyeconomy.api.validation;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Rules for every JSON body of every service, registered once on Quarkus' ObjectMapper:
 * <ul>
 * <li>a text may not hold control characters (U+0000 to U+001F and U+007F to U+009F) other than tab,
 * line feed and carriage return: PostgreSQL cannot store U+0000, and the others are never data;</li>
 * <li>a list or map may not hold null elements ({@code [null]}, {@code {"A": null}}): they are
 * violations naming the element, not a NullPointerException later.</li>
 * </ul>
 * Either is answered 400 with a violation naming the field (see ProblemMappers).
 */
@Singleton
public class TextRules implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("sc-county-economy-text-rules");
        module.addDeserializer(String.class, new CheckedStringDeserializer());
        mapper.registerModule(module);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    /** The index of the first control character not allowed in text, or -1. */
    public static int firstControlCharacter(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return i;
            }
        }
        return -1;
    }

    public static String describe(CharSequence s, int index) {
        return "must not contain control characters (U+" + String.format("%04X", (int) s.charAt(index)) + " at position " + index + ")";
    }

    /** A JSON text that cannot be accepted; {@link #reason()} says why, the path says where. */
    public static class UnstorableText extends JsonMappingException {

        private final String reason;

        UnstorableText(JsonParser p, String reason) {
            super(p, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    static final class CheckedStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null) {
                int i = firstControlCharacter(s);
                if (i >= 0) {
                    throw new UnstorableText(p, describe(s, i));
                }
            }
            return s;
        }
    }
}
