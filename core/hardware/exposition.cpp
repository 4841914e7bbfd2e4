#include "hardware/exposition.h"

#include "util/result.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace Umbra::Hardware {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Hardware::Exposition)
};

// Names repeat on every line of a page (one family has hundreds of series);
// sharing one QString per distinct name keeps a large page small. The cache
// itself is bounded so a page of unique names cannot grow it without limit.
class NamePool
{
public:
    QString get(QByteArrayView bytes)
    {
        const auto found = m_names.constFind(bytes.toByteArray());
        if (found != m_names.cend())
            return *found;
        QString name = QString::fromLatin1(bytes); // names are ASCII by grammar
        if (m_names.size() < 4096)
            m_names.insert(bytes.toByteArray(), name);
        return name;
    }

private:
    QHash<QByteArray, QString> m_names;
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isNameStart(char c, bool colonAllowed)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
        || (colonAllowed && c == ':');
}

bool isNameChar(char c, bool colonAllowed)
{
    return isNameStart(c, colonAllowed) || (c >= '0' && c <= '9');
}

// A cursor over one line, without its line break.
class Cursor
{
public:
    explicit Cursor(QByteArrayView line)
        : m_line(line)
    { }

    bool atEnd() const { return m_pos >= m_line.size(); }
    char peek() const { return atEnd() ? '\0' : m_line[m_pos]; }
    void advance() { ++m_pos; }
    void skipBlanks()
    {
        while (!atEnd() && isBlank(peek()))
            ++m_pos;
    }

    // Metric names may contain ':', label names may not.
    QByteArrayView name(bool colonAllowed)
    {
        const qsizetype start = m_pos;
        if (atEnd() || !isNameStart(peek(), colonAllowed))
            return {};
        while (!atEnd() && isNameChar(peek(), colonAllowed))
            ++m_pos;
        return m_line.sliced(start, m_pos - start);
    }

    QByteArrayView token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !isBlank(peek()))
            ++m_pos;
        return m_line.sliced(start, m_pos - start);
    }

    QByteArrayView rest() const { return m_line.sliced(std::min(m_pos, m_line.size())); }

private:
    QByteArrayView m_line;
    qsizetype m_pos = 0;
};

// Go's strconv.ParseFloat is the reference: decimal and exponent notation, an
// optional sign, Inf/Infinity/NaN in any case. A value too large for a double
// reads as an infinity, one too small as zero, rather than rejecting the line.
std::optional<double> parseValue(QByteArrayView token)
{
    if (token.isEmpty())
        return std::nullopt;
    QByteArrayView digits = token;
    bool negative = false;
    if (digits.front() == '+' || digits.front() == '-') {
        negative = digits.front() == '-';
        digits = digits.sliced(1);
        if (digits.isEmpty() || digits.front() == '+' || digits.front() == '-')
            return std::nullopt;
    }
    double value = 0;
    const char *begin = digits.data();
    const char *end = begin + digits.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    if (ptr != end)
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        const qsizetype e = std::max(digits.indexOf('e'), digits.indexOf('E'));
        const bool tiny = e >= 0 && e + 1 < digits.size() && digits[e + 1] == '-';
        value = tiny ? 0.0 : std::numeric_limits<double>::infinity();
    } else if (ec != std::errc()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

std::optional<qint64> parseTimestamp(QByteArrayView token)
{
    if (!token.isEmpty() && token.front() == '+')
        token = token.sliced(1);
    if (token.isEmpty() || token.front() == '+')
        return std::nullopt;
    qint64 value = 0;
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || ptr != token.data() + token.size())
        return std::nullopt;
    return value;
}

// A label value between quotes, the opening quote already read. Only \\, \"
// and \n are escapes; anything else after a backslash is an error, as in
// Prometheus' own parser.
Result<QString> readLabelValue(Cursor &cursor)
{
    QByteArray bytes;
    for (;;) {
        if (cursor.atEnd())
            return Error{ Tr::tr("a label value is not closed") };
        const char c = cursor.peek();
        cursor.advance();
        if (c == '"')
            break;
        if (c != '\\') {
            bytes.append(c);
            continue;
        }
        const char escaped = cursor.peek();
        cursor.advance();
        if (escaped == '\\' || escaped == '"')
            bytes.append(escaped);
        else if (escaped == 'n')
            bytes.append('\n');
        else
            return Error{ Tr::tr("invalid escape sequence in a label value") };
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString value = decoder.decode(bytes);
    if (decoder.hasError())
        return Error{ Tr::tr("a label value is not UTF-8") };
    return value;
}

Result<Sample> parseSampleLine(QByteArrayView line, const ExpositionLimits &limits, NamePool &names)
{
    Cursor cursor(line);
    Sample sample;
    const QByteArrayView name = cursor.name(true);
    if (name.isEmpty())
        return Error{ Tr::tr("no metric name") };
    sample.name = names.get(name);
    cursor.skipBlanks();

    if (cursor.peek() == '{') {
        cursor.advance();
        for (;;) {
            cursor.skipBlanks();
            if (cursor.peek() == '}') {
                cursor.advance();
                break;
            }
            const QByteArrayView labelName = cursor.name(false);
            if (labelName.isEmpty())
                return Error{ Tr::tr("invalid label name") };
            cursor.skipBlanks();
            if (cursor.peek() != '=')
                return Error{
                    Tr::tr("expected '=' after label %1").arg(QString::fromLatin1(labelName))
                };
            cursor.advance();
            cursor.skipBlanks();
            if (cursor.peek() != '"')
                return Error{ Tr::tr("expected a quoted value for label %1")
                                  .arg(QString::fromLatin1(labelName)) };
            cursor.advance();
            auto value = readLabelValue(cursor);
            if (!value)
                return Error{ value.error() };
            if (sample.labels.size() >= limits.maxLabels)
                return Error{ Tr::tr("more than %1 labels").arg(limits.maxLabels) };
            sample.labels.append({ names.get(labelName), std::move(value).value() });
            cursor.skipBlanks();
            if (cursor.peek() == ',') {
                cursor.advance();
                continue;
            }
            if (cursor.peek() != '}')
                return Error{ Tr::tr("expected ',' or '}' after a label") };
            cursor.advance();
            break;
        }
        cursor.skipBlanks();
    } else if (!cursor.atEnd() && !isBlank(line[name.size()])) {
        return Error{ Tr::tr("invalid character in metric name") };
    }

    const auto value = parseValue(cursor.token());
    if (!value)
        return Error{ Tr::tr("invalid sample value") };
    sample.value = *value;
    cursor.skipBlanks();
    if (!cursor.atEnd()) {
        const auto timestamp = parseTimestamp(cursor.token());
        if (!timestamp)
            return Error{ Tr::tr("invalid timestamp") };
        sample.timestampMs = *timestamp;
        cursor.skipBlanks();
        if (!cursor.atEnd())
            return Error{ Tr::tr("unexpected text after the timestamp") };
    }

    std::sort(sample.labels.begin(), sample.labels.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (qsizetype i = 1; i < sample.labels.size(); ++i)
        if (sample.labels[i].first == sample.labels[i - 1].first)
            return Error{ Tr::tr("label %1 appears twice").arg(sample.labels[i].first) };
    return sample;
}

bool validHelpText(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != '\\')
            continue;
        if (i + 1 >= text.size() || (text[i + 1] != '\\' && text[i + 1] != 'n'))
            return false;
        ++i;
    }
    return true;
}

// `# HELP name text`, `# TYPE name type` or a plain comment. Returns an error
// for a HELP or TYPE line that is not well formed.
Result<void> parseComment(QByteArrayView line, Exposition &page, const ExpositionLimits &limits,
                          NamePool &names)
{
    Cursor cursor(line);
    cursor.advance(); // '#'
    cursor.skipBlanks();
    const QByteArrayView keyword = cursor.token();
    if (keyword != "HELP" && keyword != "TYPE")
        return {};
    cursor.skipBlanks();
    const QByteArrayView name = cursor.name(true);
    if (name.isEmpty() || (!cursor.atEnd() && !isBlank(cursor.peek())))
        return Error{ Tr::tr("%1 without a valid metric name").arg(QString::fromLatin1(keyword)) };
    cursor.skipBlanks();
    if (keyword == "HELP") {
        if (!validHelpText(cursor.rest()))
            return Error{ Tr::tr("invalid escape sequence in HELP") };
        return {};
    }
    const QByteArrayView type = cursor.token();
    cursor.skipBlanks();
    static const QByteArrayView known[] = { "counter", "gauge", "histogram", "summary", "untyped" };
    if (std::find(std::begin(known), std::end(known), type) == std::end(known) || !cursor.atEnd())
        return Error{ Tr::tr("unknown metric type '%1'")
                          .arg(QString::fromUtf8(
                              type.first(std::min<qsizetype>(type.size(), 32)))) };
    const QString family = names.get(name);
    if (page.types.contains(family))
        return Error{ Tr::tr("a second TYPE line for %1").arg(family) };
    if (page.types.size() < limits.maxSamples)
        page.types.insert(family, QString::fromLatin1(type));
    return {};
}

} // namespace

QString Sample::label(QStringView labelName) const
{
    for (const auto &[name, value] : labels)
        if (name == labelName)
            return value;
    return {};
}

Exposition parseExposition(QByteArrayView page, const ExpositionLimits &limits)
{
    Exposition result;
    NamePool names;
    const auto skip = [&result](qsizetype lineNumber, const QString &why) {
        ++result.skippedLines;
        if (result.firstError.isEmpty())
            result.firstError = Tr::tr("line %1: %2").arg(lineNumber).arg(why);
    };

    qsizetype lineNumber = 0;
    qsizetype start = 0;
    while (start < page.size()) {
        qsizetype end = page.indexOf('\n', start);
        if (end < 0)
            end = page.size();
        QByteArrayView line = page.sliced(start, end - start);
        start = end + 1;
        ++lineNumber;

        if (line.size() > limits.maxLineBytes) {
            skip(lineNumber, Tr::tr("longer than %1 bytes").arg(limits.maxLineBytes));
            continue;
        }
        if (line.endsWith('\r'))
            line.chop(1);
        while (!line.isEmpty() && isBlank(line.front()))
            line = line.sliced(1);
        if (line.isEmpty())
            continue;

        if (line.front() == '#') {
            const Result<void> comment = parseComment(line, result, limits, names);
            if (!comment)
                skip(lineNumber, comment.error());
            continue;
        }

        if (result.samples.size() >= limits.maxSamples) {
            result.truncated = true;
            skip(lineNumber,
                 Tr::tr("more than %1 samples; the rest of the page was not read")
                     .arg(limits.maxSamples));
            break;
        }
        auto sample = parseSampleLine(line, limits, names);
        if (!sample)
            skip(lineNumber, sample.error());
        else
            result.samples.append(std::move(sample).value());
    }
    return result;
}

} // namespace Umbra::Hardware
