"""The one exception transforms raise for input that cannot be read as an article."""


class QuarantineError(ValueError):
    """The input is not a usable article; the message is the one-line reason recorded in `files`."""
