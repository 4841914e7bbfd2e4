#pragma once

// Saved model states as the console writes them, around contents a fuzzer
// supplies: a valid header and checksum, so that mutations reach the field
// parser instead of stopping at the checksum. Shared by the fuzz targets and
// by the regression tests that replay what they found.

#include "predict/anomalydetector.h"

#include <QByteArray>
#include <QDataStream>
#include <QIODevice>
#include <cstring>

namespace Umbra::SavedState {

// A forecaster state (forecasterstate.cpp): magic "UMBF", format 2, FNV-1a
// of the compressed fields, then the fields compressed.
inline QByteArray forecasterBlob(const QByteArray &fields)
{
    const QByteArray compressed = qCompress(fields);
    quint64 hash = 14695981039346656037ULL;
    for (char c : compressed) {
        hash ^= quint8(c);
        hash *= 1099511628211ULL;
    }
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << quint32(0x554D4246) << quint16(2) << hash;
    return blob + compressed;
}

// An anomaly detector record (anomalydetector.cpp): magic "UMAD", a format,
// the state's size and FNV-1a of the state, then the state. Format 5 (this
// build's) is fitted to the size this build writes; formats 2, 3 and 4
// (converted on restore) to theirs, 5,072, 2,320 and 1,808 bytes.
inline QByteArray detectorRecord(QByteArray state, quint16 format = 5)
{
    struct Header
    {
        quint32 magic;
        quint16 format;
        quint16 size;
        quint64 checksum;
    };
    static const qsizetype currentSize
        = Predict::AnomalyDetector().saveState().size() - qsizetype(sizeof(Header));
    state.resize(format == 2 ? 5072 : format == 3 ? 2320 : format == 4 ? 1808 : currentSize, '\0');
    quint64 hash = 0xcbf29ce484222325ULL;
    for (char c : state)
        hash = (hash ^ quint8(c)) * 0x100000001b3ULL;
    const Header header{ 0x554d4144, format, quint16(state.size()), hash };
    QByteArray blob(sizeof(Header), Qt::Uninitialized);
    std::memcpy(blob.data(), &header, sizeof(Header));
    return blob + state;
}

} // namespace Umbra::SavedState
