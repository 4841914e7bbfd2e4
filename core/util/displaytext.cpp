#include "util/displaytext.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace Umbra::DisplayText {

namespace {

// C0 and C1 controls, DEL, and the characters that embed, override or
// isolate a writing direction (U+202A–U+202E, U+2066–U+2069) or mark one
// (U+200E, U+200F, U+061C).
bool needsEscape(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028
        || c == 0x2029;
}

} // namespace

QString quote(const QString &text, int maxChars)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxChars) + 1);
    int shown = 0;
    // A character is at most two UTF-16 units: what could be shown, and one
    // more to know whether to cut, without converting a field of megabytes.
    for (char32_t c : text.left(2 * qsizetype(maxChars) + 2).toUcs4()) {
        if (shown >= maxChars) {
            out += QChar(0x2026);
            break;
        }
        if (needsEscape(c))
            out += c < 0x100 ? QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'))
                             : QStringLiteral("\\u{%1}").arg(uint(c), 4, 16, QLatin1Char('0'));
        else
            out += QString::fromUcs4(&c, 1);
        ++shown;
    }
    return out;
}

QString errorMessage(const QString &message, int maxChars)
{
    QStringList lines = message.split(QLatin1Char('\n'));
    static const QRegularExpression caret(QStringLiteral("^[\\s~-]*\\^\\s*$"));
    for (qsizetype i = lines.size() - 1; i >= 1; --i) {
        if (caret.match(lines[i]).hasMatch()) {
            lines.remove(i - 1, 2);
            --i;
        }
    }
    return quote(lines.join(QLatin1Char(' ')).trimmed(), maxChars);
}

bool hasControlCharacters(const QString &text)
{
    for (char32_t c : text.toUcs4())
        if (needsEscape(c))
            return true;
    return false;
}

} // namespace Umbra::DisplayText
