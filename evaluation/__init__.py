"""The accuracy benchmark, a client of the HTTP API: gold sets and public sets scored via
``/v1/compare``, ``/v1/articles`` and ``/v1/check``. Not shipped in the wheel or image."""
