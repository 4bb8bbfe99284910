from .data import Indicator, IndicatorTarget, IndicatorValue, SpatialLevel, value_problems
from .pages import IndicatorIndexPage

__all__ = ["Indicator", "IndicatorIndexPage", "IndicatorTarget", "IndicatorValue", "SpatialLevel", "value_problems"]
