package dev.netchat.sms;

/**
 * The GSM 03.38 alphabet (basic set and extension table): an SMS whose every character is in it is sent in
 * 7-bit encoding (160 characters per single message, 153 per segment); one character outside it turns the whole
 * message into UCS-2 (70, or 67 per segment).
 */
final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private Gsm7() {}

    static boolean encodable(String text) {
        return text.codePoints().allMatch(c -> c < 0x10000 && (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0));
    }
}
