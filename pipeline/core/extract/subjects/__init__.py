"""What a figure measures, one module per kind (``mass``, ``counts``, ``percent``, ``money``,
``duration``), on the shared noun-phrase grammar of ``phrases``; ``by_kind`` picks the rules."""
