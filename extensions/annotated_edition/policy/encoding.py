"""Documents that are not UTF-8: one located message, never a crash.

Sphinx decodes each source strictly and stops the whole build with "Encoding error!" and a traceback
on one stray Latin-1 byte.  Before documents are read, each one to read is checked; a byte that is not
UTF-8 is reported at its line, and the document is then decoded with the byte shown as U+FFFD, so the
build goes on and every other problem is still reported.
"""

from __future__ import annotations

import codecs

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core import priorities
from ..core.messages import at, warn

CODEC = "edition-utf-8"  # UTF-8 (a byte-order mark dropped), each undecodable byte as U+FFFD


def _decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    return codecs.decode(bytes(data), "utf-8-sig", "replace"), len(data)


class _Decoder(codecs.getincrementaldecoder("utf-8-sig")):  # what io.open reads a text file with
    def __init__(self, errors: str = "strict") -> None:
        super().__init__("replace")


def _find(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != CODEC:
        return None
    utf8 = codecs.lookup("utf-8")
    return codecs.CodecInfo(
        utf8.encode, _decode, name=CODEC, incrementalencoder=utf8.incrementalencoder, incrementaldecoder=_Decoder
    )


codecs.register(_find)


def check_encoding(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    for docname in docnames:
        path = env.doc2path(docname)
        try:
            raw = path.read_bytes()
            raw.decode("utf-8")
        except OSError:
            continue
        except UnicodeDecodeError as err:
            warn(
                "encoding",
                f"the file is not UTF-8 (byte 0x{raw[err.start]:02x}); it is read with the byte shown as �.",
                "save the file as UTF-8 and retype the character.",
                at(path, raw[: err.start].count(b"\n") + 1),
            )
    env.settings["input_encoding"] = CODEC


def setup_encoding(app: Sphinx) -> None:
    app.connect("env-before-read-docs", check_encoding, priority=priorities.SOURCE_ENCODING)
