#include "migrate/domainxml.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace Umbra::DomainXml {

namespace {

// The text of an element found by a path of names from the root.
QString elementText(const QString &xml, const QStringList &path)
{
    QXmlStreamReader reader(xml);
    QStringList at;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            at.append(reader.name().toString());
            if (at == path)
                return reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        } else if (reader.isEndElement()) {
            at.removeLast();
        }
    }
    return {};
}

// The whole element at path, re-serialised.
QString elementXml(const QString &xml, const QStringList &path)
{
    QXmlStreamReader reader(xml);
    QStringList at;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            at.append(reader.name().toString());
            if (at != path)
                continue;
            QString out;
            QXmlStreamWriter writer(&out);
            int depth = 0;
            do {
                if (reader.isStartElement()) {
                    writer.writeStartElement(reader.name().toString());
                    writer.writeAttributes(reader.attributes());
                    ++depth;
                } else if (reader.isEndElement()) {
                    writer.writeEndElement();
                    --depth;
                } else if (reader.isCharacters() && !reader.isWhitespace()) {
                    writer.writeCharacters(reader.text().toString());
                }
                if (depth == 0)
                    break;
                reader.readNext();
            } while (!reader.atEnd());
            return out;
        } else if (reader.isEndElement()) {
            at.removeLast();
        }
    }
    return {};
}

} // namespace

QList<Disk> disks(const QString &domainXml)
{
    QList<Disk> list;
    QXmlStreamReader reader(domainXml);
    QStringList at;
    Disk current;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            at.append(reader.name().toString());
            const auto attrs = reader.attributes();
            if (at
                == QStringList{ QStringLiteral("domain"), QStringLiteral("devices"),
                                QStringLiteral("disk") }) {
                current = Disk{};
                current.type = attrs.value(QLatin1String("type")).toString();
                current.device = attrs.value(QLatin1String("device")).toString();
            } else if (at.size() == 4 && at[2] == QLatin1String("disk")) {
                if (at[3] == QLatin1String("driver")) {
                    current.format = attrs.value(QLatin1String("type")).toString();
                    current.cache = attrs.value(QLatin1String("cache")).toString();
                } else if (at[3] == QLatin1String("source"))
                    current.source = attrs.hasAttribute(QLatin1String("file"))
                        ? attrs.value(QLatin1String("file")).toString()
                        : attrs.value(QLatin1String("dev")).toString();
                else if (at[3] == QLatin1String("target"))
                    current.target = attrs.value(QLatin1String("dev")).toString();
                else if (at[3] == QLatin1String("readonly"))
                    current.readOnly = true;
                else if (at[3] == QLatin1String("shareable"))
                    current.shareable = true;
                else if (at[3] == QLatin1String("mirror")) {
                    current.mirror = true;
                    current.mirrorReady
                        = attrs.value(QLatin1String("ready")) == QLatin1String("yes");
                }
            }
        } else if (reader.isEndElement()) {
            if (at.size() == 3 && at[2] == QLatin1String("disk")
                && at[1] == QLatin1String("devices"))
                list.append(current);
            at.removeLast();
        }
    }
    return list;
}

QString rootAttribute(const QString &xml, const QString &name)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNextStartElement())
            return reader.attributes().value(name).toString();
    }
    return {};
}

bool mirrorReady(const QString &domainXml, const QString &target)
{
    for (const Disk &disk : disks(domainXml)) {
        if (disk.target == target)
            return disk.mirrorReady;
    }
    return false;
}

QString renamedCopy(const QString &domainXml, const QString &name,
                    const QList<std::pair<QString, QString>> &sources, CopyKind kind)
{
    const bool throwaway = kind == CopyKind::Throwaway;
    // libvirt writes <source> before <target>: find each disk's new source
    // by its position first.
    QList<QString> newSource;
    for (const Disk &disk : disks(domainXml)) {
        QString file;
        for (const auto &[target, path] : sources) {
            if (target == disk.target)
                file = path;
        }
        newSource.append(file);
    }
    QString out;
    QXmlStreamReader reader(domainXml);
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    QStringList at;
    int disk = -1;
    int skipDepth = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            at.append(reader.name().toString());
            if (skipDepth > 0) {
                ++skipDepth;
                continue;
            }
            if (at == QStringList{ QStringLiteral("domain"), QStringLiteral("uuid") }
                || (at.size() == 4 && at[2] == QLatin1String("disk")
                    && (at[3] == QLatin1String("mirror") || at[3] == QLatin1String("backingStore")))
                || (throwaway
                    && at
                        == QStringList{ QStringLiteral("domain"), QStringLiteral("devices"),
                                        QStringLiteral("interface") })) {
                skipDepth = 1;
                continue;
            }
            if (at
                == QStringList{ QStringLiteral("domain"), QStringLiteral("devices"),
                                QStringLiteral("disk") })
                ++disk;
            const bool moved = disk >= 0 && disk < newSource.size() && !newSource[disk].isEmpty()
                && at.size() == 4 && at[2] == QLatin1String("disk");
            writer.writeStartElement(reader.name().toString());
            QXmlStreamAttributes attrs = reader.attributes();
            if (moved && at[3] == QLatin1String("source")) {
                attrs.clear();
                attrs.append(QStringLiteral("file"), newSource[disk]);
            } else if (moved && at[3] == QLatin1String("driver")) {
                QXmlStreamAttributes kept;
                for (const QXmlStreamAttribute &a : std::as_const(attrs)) {
                    if (a.name() != QLatin1String("type"))
                        kept.append(a);
                }
                kept.append(QStringLiteral("type"), QStringLiteral("qcow2"));
                attrs = kept;
            } else if (at
                           == QStringList{ QStringLiteral("domain"), QStringLiteral("devices"),
                                           QStringLiteral("disk") }
                       && disk < newSource.size() && !newSource[disk].isEmpty()) {
                QXmlStreamAttributes kept;
                for (const QXmlStreamAttribute &a : std::as_const(attrs)) {
                    if (a.name() != QLatin1String("type"))
                        kept.append(a);
                }
                kept.prepend(QXmlStreamAttribute(QStringLiteral("type"), QStringLiteral("file")));
                attrs = kept;
            }
            writer.writeAttributes(attrs);
            if (at == QStringList{ QStringLiteral("domain"), QStringLiteral("name") }) {
                writer.writeCharacters(name);
                reader.readElementText(QXmlStreamReader::SkipChildElements);
                writer.writeEndElement();
                at.removeLast();
            }
        } else if (reader.isEndElement()) {
            const bool diskEnds = at
                == QStringList{ QStringLiteral("domain"), QStringLiteral("devices"),
                                QStringLiteral("disk") };
            at.removeLast();
            if (skipDepth > 0) {
                --skipDepth;
                continue;
            }
            if (throwaway && diskEnds && disk >= 0 && disk < newSource.size()
                && !newSource[disk].isEmpty()) {
                // shareBacking: libvirt makes the overlay before QEMU starts
                // and QEMU opens the image read-only, beside the process
                // that holds it (the replica agent's export).
                writer.writeEmptyElement(QStringLiteral("transient"));
                writer.writeAttribute(QStringLiteral("shareBacking"), QStringLiteral("yes"));
            }
            writer.writeEndElement();
        } else if (reader.isCharacters() && !reader.isWhitespace() && skipDepth == 0) {
            writer.writeCharacters(reader.text().toString());
        }
    }
    return out;
}

std::optional<QString> withVcpus(const QString &domainXml, int vcpus)
{
    if (domainXml.contains(QLatin1String("<topology")))
        return std::nullopt;
    static const QRegularExpression vcpu(QStringLiteral("<vcpu\\b([^>]*)>\\s*\\d+\\s*</vcpu>"));
    static const QRegularExpression current(QStringLiteral("\\s+current=(['\"])\\d+\\1"));
    const QRegularExpressionMatch m = vcpu.match(domainXml);
    if (!m.hasMatch())
        return std::nullopt;
    QString attributes = m.captured(1);
    attributes.remove(current); // the count is the current count
    QString xml = domainXml;
    xml.replace(m.capturedStart(), m.capturedLength(),
                QStringLiteral("<vcpu%1>%2</vcpu>").arg(attributes).arg(vcpus));
    return xml;
}

QString domainType(const QString &domainXml)
{
    QXmlStreamReader reader(domainXml);
    while (!reader.atEnd()) {
        if (reader.readNextStartElement())
            return reader.attributes().value(QLatin1String("type")).toString();
    }
    return {};
}

QString cpuElement(const QString &domainXml)
{
    const QString cpu = elementXml(domainXml, { QStringLiteral("domain"), QStringLiteral("cpu") });
    return cpu.contains(QLatin1String("<model")) ? cpu : QString();
}

QString hostUuid(const QString &capabilitiesXml)
{
    return elementText(
        capabilitiesXml,
        { QStringLiteral("capabilities"), QStringLiteral("host"), QStringLiteral("uuid") });
}

QString hostCpu(const QString &capabilitiesXml)
{
    return elementXml(
        capabilitiesXml,
        { QStringLiteral("capabilities"), QStringLiteral("host"), QStringLiteral("cpu") });
}

QString diskSnapshotXml(const QString &name, const QList<std::pair<QString, QString>> &overlays,
                        const QStringList &otherDisks)
{
    QString out;
    QXmlStreamWriter w(&out);
    w.writeStartElement(QStringLiteral("domainsnapshot"));
    w.writeTextElement(QStringLiteral("name"), name);
    w.writeTextElement(QStringLiteral("description"),
                       QStringLiteral("Umbra restore point before a live migration"));
    w.writeStartElement(QStringLiteral("disks"));
    for (const auto &[target, overlay] : overlays) {
        w.writeStartElement(QStringLiteral("disk"));
        w.writeAttribute(QStringLiteral("name"), target);
        w.writeAttribute(QStringLiteral("snapshot"), QStringLiteral("external"));
        w.writeEmptyElement(QStringLiteral("driver"));
        w.writeAttribute(QStringLiteral("type"), QStringLiteral("qcow2"));
        w.writeEmptyElement(QStringLiteral("source"));
        w.writeAttribute(QStringLiteral("file"), overlay);
        w.writeEndElement();
    }
    for (const QString &target : otherDisks) {
        w.writeEmptyElement(QStringLiteral("disk"));
        w.writeAttribute(QStringLiteral("name"), target);
        w.writeAttribute(QStringLiteral("snapshot"), QStringLiteral("no"));
    }
    w.writeEndElement();
    w.writeEndElement();
    return out;
}

QString overlayPath(const QString &source, qint64 jobId, qint64 startedMs)
{
    const QFileInfo file(source);
    return file.path() + QLatin1Char('/') + file.completeBaseName()
        + QStringLiteral(".umbra-%1-%2.qcow2").arg(jobId).arg(startedMs / 1000, 0, 36);
}

} // namespace Umbra::DomainXml
