package cn.sc.countyeconomy.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field as stored: when present, not blank after {@link String#strip()} (which also removes
 * Unicode spaces such as U+3000, unlike {@code @NotBlank}'s trim) and free of control characters.
 * Null is allowed (an update leaving the field as it is); add {@code @NotNull} where it is required.
 * Services strip names before storing them, so a name of spaces only would otherwise reach the
 * database as "" and break its CHECK.
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    String message() default "must not be blank and must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String message = null;
            if (value.toString().strip().isEmpty()) {
                message = "must not be blank (spaces only)";
            } else {
                int i = TextRules.firstControlCharacter(value);
                if (i >= 0) {
                    message = TextRules.describe(value, i);
                }
            }
            if (message == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
