"""Carbon prices and the yearly value of the avoided emissions and pollutants."""

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .flows import FloatArray, pv
from .inputs import ImpactInputs, MethodParameters

# EIB Climate Bank Roadmap shadow cost of carbon (EUR/t CO2e): a straight line through these
# points, flat before the first and after the last.
EIB_PATH_YEARS = (2020, 2030, 2050)
EIB_PATH_PRICES = (80.0, 250.0, 800.0)


def carbon_price(year: int, params: MethodParameters) -> float:
    """The carbon price (EUR/t CO2e) for a calendar year under the council's chosen mode."""
    if params.carbon_price_mode == "eib_path":
        return float(np.interp(year, EIB_PATH_YEARS, EIB_PATH_PRICES))
    return params.carbon_price


def ghg_avoided_per_year(inputs: ImpactInputs, params: MethodParameters) -> float:
    """g = E x EF / 1000 + G_o, in t CO2e per year; missing inputs count as zero."""
    energy = inputs.energy_saved_kwh or 0.0
    return energy * params.grid_emission_factor / 1000 + (inputs.other_ghg_t or 0.0)


@dataclass(frozen=True, eq=False)
class Environment:
    """Avoided emissions and their monetised value, arrays over t = 0..n."""

    ghg_per_year: float  # t CO2e
    calendar_year: NDArray[
        np.int64
    ]  # Y0 + t - 1; t = 0 is the year before the first appraisal year
    carbon_price: FloatArray  # EUR/t for the calendar year of t
    value: FloatArray  # EUR; zero at t = 0, since the service only runs from t = 1
    pv_value: float  # at the social discount rate

    @property
    def n(self) -> int:
        return len(self.value) - 1

    @property
    def ghg_lifetime(self) -> float:
        return self.ghg_per_year * self.n


def environment(inputs: ImpactInputs, params: MethodParameters) -> Environment:
    """Value per year t = 1..n: g x carbon price(Y0 + t - 1) + NOx x c_NOx + PM x c_PM."""
    n = inputs.lifetime_years
    years = inputs.first_year - 1 + np.arange(n + 1, dtype=np.int64)
    prices = np.array([carbon_price(int(year), params) for year in years])
    ghg = ghg_avoided_per_year(inputs, params)
    pollutants = (inputs.nox_kg or 0.0) * params.nox_damage_cost + (
        inputs.pm25_kg or 0.0
    ) * params.pm25_damage_cost
    value = ghg * prices + pollutants
    value[0] = 0.0
    return Environment(
        ghg_per_year=ghg,
        calendar_year=years,
        carbon_price=prices,
        value=value,
        pv_value=pv(value, params.social_discount_rate),
    )
