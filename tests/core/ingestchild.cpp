// Ingests samples as fast as a large fleet would until it is killed, and
// reports on stdout every sample count it has committed. tst_crash kills it
// with SIGKILL and checks what the file holds.
#include "store/storewriter.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using namespace Umbra;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DATABASE START_MS\n", argv[0]);
        return 2;
    }
    StoreWriter writer(QString::fromLocal8Bit(argv[1]), std::make_shared<Series::SeriesHeads>(),
                       100);
    qint64 committed = 0;
    QObject::connect(&writer, &StoreWriter::flushed, &writer, [&committed](int samples) {
        committed += samples;
        std::printf("committed %lld\n", static_cast<long long>(committed));
        std::fflush(stdout);
    });
    QObject::connect(&writer, &StoreWriter::failed, &writer, [](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
    });
    writer.open();

    // 200 VMs every 20 ms: 10,000 VM samples (120,000 series points) a second.
    qint64 now = QByteArray(argv[2]).toLongLong();
    QTimer collect;
    collect.setInterval(20);
    QObject::connect(&collect, &QTimer::timeout, &writer, [&] {
        now += 1000;
        QList<VmSample> vms;
        for (int i = 0; i < 200; ++i) {
            VmSample s;
            s.uuid = QStringLiteral("vm-%1").arg(i);
            s.timestampMs = now;
            s.cpuPercent = double((now / 1000 + i) % 100);
            s.memoryUsedKiB = 1048576 + i;
            s.netRxBytesPerSec = double((now / 1000) % 7919) * i;
            vms.append(s);
        }
        HostSample host;
        host.uri = QStringLiteral("test:///crash");
        host.timestampMs = now;
        host.cpuPercent = 50;
        writer.addSamples(host, vms);
    });
    collect.start();
    return app.exec();
}
