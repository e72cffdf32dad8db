package cn.sc.countyeconomy.assessment.service;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formats of the HTML pages ({@code {value.oneDecimal}} in a template). */
@TemplateExtension
public final class PageFormats {

    private PageFormats() {
    }

    /** One decimal, half up, independent of the locale ("53.9", "-51.4"); empty for null. */
    static String oneDecimal(Number n) {
        return n == null ? "" : new BigDecimal(n.toString()).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
