from __future__ import annotations
from dataclasses import dataclass
from ..records import TopicResult
@dataclass(frozen=True, slots=True)
class TopicOptions:
    threshold: float = 0.5  # help: x
    max_topics: int = 3  # help: y
def classify(text, headline, language, model=None, opts=TopicOptions()):
    return TopicResult()
def taxonomy_labels(): return ("cyber",)
