#pragma once
// An example method for the Liquid Engine: the mean of a stack over time (after skipping the first
// frames, e.g. while the sample bleaches), declared once with two implementations for the agent.
#include "engine/method.hpp"

lqs::Method temporalMeanMethod();
