// The sample exporter pages in tests/data/exporters, in the formats of
// node_exporter and smartctl_exporter, for the tests of the parser and of
// the client that fetches them.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace Umbra::Test {

inline QByteArray exporterPage(const QString &name)
{
    QFile file(QStringLiteral(UMBRA_TEST_DATA_DIR "/exporters/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace Umbra::Test
