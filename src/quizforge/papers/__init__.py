"""Paper plans: presets (which strategies, how many, time, cover page), tiers and print layers.

``plan_paper`` turns the build options into the strategies, per-strategy
``Options`` and ``Presentation`` that assembly and rendering use. With no
preset, tier or print option it returns exactly the plain default paper.
"""

from .plan import PaperPlan, plan_paper
from .presets import Preset, PresetItem, load_preset, shipped_presets
from .tiers import TIERS, Tier

__all__ = ["PaperPlan", "Preset", "PresetItem", "TIERS", "Tier", "load_preset", "plan_paper", "shipped_presets"]
