"""Decodes a data.frame of numeric columns from an R .RData file (XDR serialisation, RDX2/RDX3;
R Internals §1.8 "Serialization formats") and prints it as CSV. Used once to produce
test/data/alloya.csv from the SMRD package's data/alloya.RData (see test/data/README.md):

  /usr/bin/python3 core/test/reference/rdata_to_csv.py alloya.RData > test/data/alloya.csv
"""
import gzip
import struct
import sys


class Reader:
    def __init__(self, data):
        self.b, self.i, self.refs = data, 0, []

    def int(self):
        v = struct.unpack(">i", self.b[self.i:self.i + 4])[0]
        self.i += 4
        return v

    def dbl(self):
        v = struct.unpack(">d", self.b[self.i:self.i + 8])[0]
        self.i += 8
        return v

    def item(self):
        flags = self.int()
        kind, has_attr, has_tag = flags & 0xFF, bool(flags & (1 << 9)), bool(flags & (1 << 10))
        if kind in (254, 242):  # NILVALUE, EMPTYENV
            return None
        if kind == 255:  # REFSXP
            return self.refs[(flags >> 8) - 1]
        if kind == 1:  # SYMSXP
            s = self.item()
            self.refs.append(s)
            return s
        if kind == 9:  # CHARSXP
            n = self.int()
            if n == -1:
                return None
            s = self.b[self.i:self.i + n].decode("latin-1")
            self.i += n
            return s
        if kind == 2:  # LISTSXP (pairlist): attributes, tag, car, cdr
            if has_attr:
                self.item()
            tag = self.item() if has_tag else None
            car, cdr = self.item(), self.item()
            return [(tag, car)] + (cdr if isinstance(cdr, list) else [])
        if kind in (13, 14, 16, 19):  # INTSXP, REALSXP, STRSXP, VECSXP
            n = self.int()
            read = {13: self.int, 14: self.dbl}.get(kind, self.item)
            values = [read() for _ in range(n)]
            attrs = dict(self.item()) if has_attr else {}
            return {"values": values, "attrs": attrs}
        raise ValueError(f"unsupported SEXP type {kind}")


def read_rdata(path):
    data = gzip.decompress(open(path, "rb").read())
    assert data[:5] in (b"RDX2\n", b"RDX3\n"), "not an XDR .RData file"
    r = Reader(data[7:])  # 'RDX3\nX\n'
    version = r.int()
    r.int()
    r.int()
    if version == 3:
        length = r.int()  # native encoding name
        r.i += length
    return r.item()


if __name__ == "__main__":
    (name, frame), = read_rdata(sys.argv[1])
    names = frame["attrs"]["names"]["values"]
    columns = [c["values"] for c in frame["values"]]
    print(",".join(names))
    for row in zip(*columns):
        print(",".join(repr(v) for v in row))
